package trapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
)

// checkShape checks a TRAPI query's JSON against TRAPI's object shapes
// before it is decoded, so that a mistake is reported in TRAPI's words
// (the property's path in the query, TRAPI's property names and JSON
// types) rather than in Go's ("cannot unmarshal string into Go struct
// field QNode.nodes.ids of type []string"). It reports:
//   - an unknown property that is plausibly a misspelling, with the
//     nearest property TRAPI defines there ("subjct": did you mean
//     "subject"?); other unknown properties are allowed, as TRAPI allows;
//   - a value of the wrong JSON type, naming the property and the type
//     TRAPI expects ("an array of strings");
//   - a required property that is missing (a query edge's subject and
//     object).
//
// The shapes are the Go types of types.go, which follow TRAPI 1.5 field
// for field; properties TRAPI defines that kapgraph ignores are listed in
// ignoredProps.
func checkShape(raw []byte) error {
	return walk(bytes.TrimSpace(raw), reflect.TypeOf(Query{}), "")
}

// ignoredProps are the properties TRAPI defines on an object that
// kapgraph accepts and does not read.
var ignoredProps = map[reflect.Type][]string{
	reflect.TypeOf(Query{}):        {"workflow", "submitter", "bypass_cache"},
	reflect.TypeOf(QueryMessage{}): {"knowledge_graph", "results", "auxiliary_graphs"},
}

// requiredProps are the properties TRAPI requires on an object.
var requiredProps = map[reflect.Type][]string{
	reflect.TypeOf(Query{}):      {"message"},
	reflect.TypeOf(QEdge{}):      {"subject", "object"},
	reflect.TypeOf(QueryGraph{}): {"nodes", "edges"},
}

// trapiNames are TRAPI's names for the object types, for messages.
var trapiNames = map[reflect.Type]string{
	reflect.TypeOf(Query{}):               "Query",
	reflect.TypeOf(QueryMessage{}):        "Message",
	reflect.TypeOf(QueryGraph{}):          "QueryGraph",
	reflect.TypeOf(QNode{}):               "QNode",
	reflect.TypeOf(QEdge{}):               "QEdge",
	reflect.TypeOf(QualifierConstraint{}): "QualifierConstraint",
	reflect.TypeOf(Qualifier{}):           "Qualifier",
}

var rawType = reflect.TypeOf(json.RawMessage(nil))

// fieldType is the type a property's value has: its Go field's type,
// except message.query_graph, which the handler keeps raw for echoing
// back but which is a QueryGraph.
func fieldType(parent reflect.Type, f reflect.StructField) reflect.Type {
	if parent == reflect.TypeOf(QueryMessage{}) && f.Type == rawType {
		return reflect.TypeOf(QueryGraph{})
	}
	return f.Type
}

func walk(raw []byte, t reflect.Type, path string) error {
	got := jsonKind(raw)
	if got == "null" {
		return nil // TRAPI's optional properties are nullable
	}
	switch {
	case t == rawType:
		return nil
	case t.Kind() == reflect.String:
		if got != "string" {
			return typeError(path, "a string", got)
		}
	case t.Kind() == reflect.Slice:
		if got != "array" {
			return typeError(path, "an array of "+plural(t.Elem()), got)
		}
		var items []json.RawMessage
		if err := json.Unmarshal(raw, &items); err != nil {
			return fmt.Errorf("%s: %w", where(path), err)
		}
		for i, it := range items {
			if err := walk(bytes.TrimSpace(it), t.Elem(), fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	case t.Kind() == reflect.Map:
		if got != "object" {
			return typeError(path, "an object of "+plural(t.Elem()), got)
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(raw, &m); err != nil {
			return fmt.Errorf("%s: %w", where(path), err)
		}
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if err := walk(bytes.TrimSpace(m[k]), t.Elem(), join(path, k)); err != nil {
				return err
			}
		}
	case t.Kind() == reflect.Struct:
		if got != "object" {
			return typeError(path, "an object ("+trapiName(t)+")", got)
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(raw, &m); err != nil {
			return fmt.Errorf("%s: %w", where(path), err)
		}
		known := map[string]reflect.Type{}
		var names []string
		for i := range t.NumField() {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			known[name] = fieldType(t, f)
			names = append(names, name)
		}
		for _, name := range ignoredProps[t] {
			known[name] = rawType
			names = append(names, name)
		}
		for _, k := range slices.Sorted(maps.Keys(m)) {
			ft, ok := known[k]
			if !ok {
				if err := unknownProp(path, t, k, names); err != nil {
					return err
				}
				continue
			}
			if err := walk(bytes.TrimSpace(m[k]), ft, join(path, k)); err != nil {
				return err
			}
		}
		for _, req := range requiredProps[t] {
			if _, ok := m[req]; !ok {
				return invalid("%s: the required property %q is missing (%s)", where(path), req, trapiName(t))
			}
		}
	}
	return nil
}

// unknownProp judges a property TRAPI does not define on t. TRAPI's
// objects allow additional properties (other tools send their own), so
// one is ignored, unless it is plausibly a misspelling of a property TRAPI
// does define ("subjct"): ignoring that would answer another question than
// the one asked, so it is refused with the name it probably meant.
func unknownProp(path string, t reflect.Type, k string, names []string) error {
	slices.Sort(names)
	best, bestD := "", 1<<30
	for _, n := range names {
		if d := editDistance(strings.ToLower(k), n); d < bestD {
			best, bestD = n, d
		}
	}
	// Plausibly a typo: at most a third of the name differs.
	if bestD > max(2, len(best)/3) {
		return nil
	}
	return invalid("%s: unknown property %q; did you mean %q? (a %s has %s)", where(path), k, best, trapiName(t), strings.Join(quoteAll(names), ", "))
}

func typeError(path, want, got string) error {
	return invalid("%s: expected %s, got %s", where(path), want, article(got))
}

func where(path string) string {
	if path == "" {
		return "the query"
	}
	return path
}

func join(path, k string) string {
	if path == "" {
		return k
	}
	return path + "." + k
}

func trapiName(t reflect.Type) string {
	if n, ok := trapiNames[t]; ok {
		return n
	}
	return t.Name()
}

// plural names the JSON type of a collection's items, in the plural.
func plural(t reflect.Type) string {
	switch {
	case t == rawType:
		return "values"
	case t.Kind() == reflect.String:
		return "strings"
	case t.Kind() == reflect.Struct:
		return trapiName(t) + " objects"
	}
	return "values"
}

func article(kind string) string {
	switch kind {
	case "array", "object":
		return "an " + kind
	}
	return "a " + kind
}

// jsonKind is the JSON type of a value, from its first byte.
func jsonKind(raw []byte) string {
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	}
	return "number"
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

// editDistance is the Levenshtein distance between a and b, for
// suggesting the property a typo meant.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
