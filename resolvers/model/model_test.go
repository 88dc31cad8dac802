package model

import (
	"reflect"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
)

// TestWrapCoversCategories fails when graph gains a category without a
// GraphQL type to present it.
func TestWrapCoversCategories(t *testing.T) {
	for _, c := range graph.Categories() {
		n := &graph.Node{ID: "X:1", Category: c}
		w := Wrap(n)
		if w == nil {
			t.Errorf("no wrapper for category %s", c)
			continue
		}
		if got := reflect.TypeOf(w).Elem().Name(); got != string(c) {
			t.Errorf("category %s wraps as %s", c, got)
		}
		if w.GraphNode() != n {
			t.Errorf("%s: wrapper lost its node", c)
		}
	}
	if Wrap(nil) != nil || Wrap(&graph.Node{Category: "Gene"}) != nil {
		t.Error("nil or unknown category must wrap to nil")
	}
}

func TestParseXref(t *testing.T) {
	for in, want := range map[string]Xref{
		"MESH:D007649":     {"MESH", "D007649", "MESH:D007649"},
		" DOID:1574 ":      {"DOID", "1574", "DOID:1574"},
		"UMLS:C0524662":    {"UMLS", "C0524662", "UMLS:C0524662"},
		"obo:GO:0031929":   {"obo", "GO:0031929", "obo:GO:0031929"},
		"no-prefix-at-all": {"", "no-prefix-at-all", "no-prefix-at-all"},
	} {
		if got := *ParseXref(in); got != want {
			t.Errorf("ParseXref(%q) = %+v, want %+v", in, got, want)
		}
	}
}

func TestQualifierValues(t *testing.T) {
	q := Qualifiers{graph.Qualifiers{Comparator: "KAP:placebo", Population: "heroin users", Location: "UBERON:0000451"}}
	if c := q.Comparator(); c.ID != "KAP:placebo" || c.Text != "KAP:placebo" {
		t.Errorf("comparator = %+v", c)
	}
	if p := q.Population(); p.ID != "" || p.Text != "heroin users" {
		t.Errorf("free-text population = %+v", p)
	}
	if q.Mechanism() != nil || q.DisorderID() != nil || len(q.CombinedWithIds()) != 0 {
		t.Error("absent qualifiers must be null or empty")
	}
	for s, want := range map[string]bool{"CHEBI:6121": true, "KAP:x_y": true, "control group": false, "a: b": false, ":x": false, "x:": false} {
		if LooksLikeCURIE(s) != want {
			t.Errorf("LooksLikeCURIE(%q) = %v", s, !want)
		}
	}
}

func TestSignsAndOrigins(t *testing.T) {
	if *OriginOf("stated") != OriginStated || *OriginOf("INFERRED") != OriginInferred || OriginOf("") != nil {
		t.Error("OriginOf")
	}
}

func TestNullsForZeroValues(t *testing.T) {
	b := Base{&graph.Node{ID: "X:1"}}
	if b.Year() != nil || b.EvidenceLevel() != nil || b.Description() != nil || b.Synonyms() == nil || b.Authors() == nil || len(b.Xrefs()) != 0 {
		t.Error("zero values must present as null, lists as empty")
	}
	c := CitationConcern{Base{&graph.Node{Name: "drug-mismatch", ConcernKind: "drug-mismatch", Text: "why"}}}
	if c.Kind() != "drug-mismatch" || c.Message() != "why" {
		t.Errorf("concern kind %q message %q", c.Kind(), c.Message())
	}
}
