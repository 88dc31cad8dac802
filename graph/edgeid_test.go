package graph

import "testing"

func TestStructuralEdgeDocument(t *testing.T) {
	for _, tt := range []struct {
		name, id, doc string
		ok            bool
	}{
		{"made by the rule", StructuralEdgeID("KAP:rev", "KAP:rev.p1", Mentions, "KAP:ketamine"), "KAP:rev", true},
		{"a document id with .e. inside", StructuralEdgeID("a.e.0123456789abcdef", "x", Cites, "y"), "a.e.0123456789abcdef", true},
		{"upper-case hex", "KAP:rev.e.0123456789ABCDEF", "", false},
		{"15 digits", "KAP:rev.e.0123456789abcde", "", false},
		{"no separator", "KAP:rev.x.0123456789abcdef", "", false},
		{"no document", ".e.0123456789abcdef", "", false},
		{"a claim id", "KAP:rev.c12", "", false},
		{"empty", "", "", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc, ok := StructuralEdgeDocument(tt.id)
			if doc != tt.doc || ok != tt.ok {
				t.Errorf("StructuralEdgeDocument(%q) = %q, %v; want %q, %v", tt.id, doc, ok, tt.doc, tt.ok)
			}
			if ok {
				prefix, n := StructuralEdgeIDPrefix(doc)
				if len(tt.id) != n || tt.id[:len(prefix)] != prefix {
					t.Errorf("StructuralEdgeIDPrefix(%q) = %q, %d; the id %q has neither", doc, prefix, n, tt.id)
				}
			}
		})
	}
	if a, b := StructuralEdgeID("d", "s", Cites, "o"), StructuralEdgeID("d", "o", Cites, "s"); a == b {
		t.Errorf("the ends' order is not in the id: %s", a)
	}
}
