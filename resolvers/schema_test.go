package resolvers_test

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/kapgraph/kapgraph/graph"
)

func loadSDL(t *testing.T) *ast.Schema {
	t.Helper()
	files, err := filepath.Glob("../schema/*.graphqls")
	if err != nil || len(files) == 0 {
		t.Fatalf("no schema files: %v", err)
	}
	var sources []*ast.Source
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sources = append(sources, &ast.Source{Name: f, Input: string(b)})
	}
	s, gerr := gqlparser.LoadSchema(sources...)
	if gerr != nil {
		t.Fatalf("schema does not load: %v", gerr)
	}
	return s
}

func enumValues(t *testing.T, s *ast.Schema, name string) []string {
	t.Helper()
	def := s.Types[name]
	if def == nil || def.Kind != ast.Enum {
		t.Fatalf("no enum %s in the schema", name)
	}
	var out []string
	for _, v := range def.EnumValues {
		out = append(out, v.Name)
	}
	slices.Sort(out)
	return out
}

// TestEnumsMatchGraph fails when graph's allow-lists and the SDL enums
// drift apart: every Category and Predicate must be a GraphQL enum value
// with the same spelling, and nothing else.
func TestEnumsMatchGraph(t *testing.T) {
	s := loadSDL(t)
	for _, tc := range []struct {
		enum string
		want []string
	}{
		{"Category", strs(graph.Categories())},
		{"Predicate", strs(graph.Predicates())},
		{"Direction", []string{string(graph.Both), string(graph.In), string(graph.Out)}},
		{"NodeOrderField", []string{string(graph.OrderByID), string(graph.OrderByName), string(graph.OrderByYear)}},
		{"Sign", []string{"DECREASES", "INCREASES"}},
	} {
		t.Run(tc.enum, func(t *testing.T) {
			want := slices.Clone(tc.want)
			slices.Sort(want)
			if got := enumValues(t, s, tc.enum); !slices.Equal(got, want) {
				t.Errorf("enum %s is %v, graph has %v", tc.enum, got, want)
			}
		})
	}
	// One object type per category, implementing Node.
	for _, c := range graph.Categories() {
		def := s.Types[string(c)]
		if def == nil || def.Kind != ast.Object || !slices.Contains(def.Interfaces, "Node") {
			t.Errorf("category %s has no object type implementing Node", c)
		}
	}
	if n := len(s.GetPossibleTypes(s.Types["Node"])); n != len(graph.Categories()) {
		t.Errorf("Node has %d implementations, graph has %d categories", n, len(graph.Categories()))
	}
}

func strs[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

// TestEverythingDescribed: the descriptions are the documentation
// researchers read in GraphiQL, so none may be missing.
func TestEverythingDescribed(t *testing.T) {
	s := loadSDL(t)
	var missing []string
	for name, def := range s.Types {
		if def.BuiltIn || strings.HasPrefix(name, "__") {
			continue
		}
		if strings.TrimSpace(def.Description) == "" {
			missing = append(missing, "type "+name)
		}
		for _, v := range def.EnumValues {
			if strings.TrimSpace(v.Description) == "" {
				missing = append(missing, name+"."+v.Name)
			}
		}
		for _, f := range def.Fields {
			if strings.HasPrefix(f.Name, "__") {
				continue
			}
			if strings.TrimSpace(f.Description) == "" {
				missing = append(missing, name+"."+f.Name)
			}
			for _, a := range f.Arguments {
				if strings.TrimSpace(a.Description) == "" {
					missing = append(missing, name+"."+f.Name+"("+a.Name+")")
				}
			}
		}
	}
	slices.Sort(missing)
	if len(missing) > 0 {
		t.Errorf("%d schema elements have no description:\n%s", len(missing), strings.Join(missing, "\n"))
	}
}

// TestDefaultsMatchGraph: the defaults and limits the SDL states are the
// ones graph enforces.
func TestDefaultsMatchGraph(t *testing.T) {
	s := loadSDL(t)
	want := map[string]int{
		"first":   graph.DefaultPageSize,
		"maxHops": graph.DefaultMaxHops,
		"limit":   graph.DefaultNeighborhood,
		"depth":   1,
	}
	// Fields whose `first` counts paths or hits, with graph's own defaults.
	special := map[string]int{
		"Query.mechanismToOutcomePaths.first":   10,
		"Query.paths.first":                     10,
		"Query.search.first":                    10,
		"Query.mechanismToOutcomePaths.maxHops": graph.MaxHopsCap,
	}
	limits := map[string]int{"first": graph.MaxPageSize, "maxHops": graph.MaxHopsCap, "limit": graph.MaxNeighborhood, "depth": graph.MaxDepth}
	specialLimits := map[string]int{
		"Query.mechanismToOutcomePaths.first": graph.MaxPathResults,
		"Query.paths.first":                   graph.MaxPathResults,
	}
	checked := 0
	for name, def := range s.Types {
		if def.BuiltIn {
			continue
		}
		for _, f := range def.Fields {
			for _, a := range f.Arguments {
				key := name + "." + f.Name + "." + a.Name
				w, ok := want[a.Name]
				if !ok {
					continue
				}
				if sw, ok := special[key]; ok {
					w = sw
				}
				checked++
				if a.DefaultValue == nil {
					t.Errorf("%s has no default; want %d", key, w)
					continue
				}
				if got, _ := strconv.Atoi(a.DefaultValue.Raw); got != w {
					t.Errorf("%s defaults to %s, graph's default is %d", key, a.DefaultValue.Raw, w)
				}
				l := limits[a.Name]
				if sl, ok := specialLimits[key]; ok {
					l = sl
				}
				if !strings.Contains(a.Description, "at most "+strconv.Itoa(l)) {
					t.Errorf("%s: description %q does not state the limit (at most %d)", key, a.Description, l)
				}
			}
		}
	}
	if checked < 50 {
		t.Errorf("only %d arguments checked; the schema lost its paging arguments?", checked)
	}
}
