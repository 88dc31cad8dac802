package extract

import (
	"runtime"
	"testing"
)

// TestResourcesLoad checks the embedded vocabularies: they load, hold the
// entries the conversion wrote, and a known drug and phenotype come with
// their grounded ids.
func TestResourcesLoad(t *testing.T) {
	ix, err := loadResources()
	if err != nil {
		t.Fatal(err)
	}
	if len(ix.forms) < 50000 {
		t.Errorf("%d resource forms; the conversion writes ~100k", len(ix.forms))
	}
	for _, c := range []struct{ text, id string }{{"cocaine", "DRUGBANK:DB00907"}, {"Nausea", "HP:0002018"}, {"N-acetylcysteine", "DRUGBANK:DB14479"}} {
		ts := tokenize(c.text)
		e, ok := ix.lookup(ts, 0, len(ts))
		if !ok || e.id != c.id {
			t.Errorf("%s: %+v %v, want %s", c.text, e, ok, c.id)
		}
	}
	for _, w := range []string{"drug", "treatment", "placebo"} {
		ts := tokenize(w)
		if _, ok := ix.lookup(ts, 0, 1); ok {
			t.Errorf("%q is an ordinary word; the resources must not name it", w)
		}
	}
}

// BenchmarkResourceLoad prices loading the embedded vocabularies (done once
// per process) and reports the heap they hold, and the tagger model's
// (issue 18's target: the embedded resources take at most 100 MB).
func BenchmarkResourceLoad(b *testing.B) {
	var ix *resourceIndex
	for i := 0; i < b.N; i++ {
		ix = &resourceIndex{forms: map[string]resEntry{}}
		ix.read("resources/phenotypes.tsv.gz", "Symptom")
		ix.read("resources/drugs.tsv.gz", "Drug")
	}
	b.StopTimer()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	ix = &resourceIndex{forms: map[string]resEntry{}}
	ix.read("resources/phenotypes.tsv.gz", "Symptom")
	ix.read("resources/drugs.tsv.gz", "Drug")
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MB-heap")
	runtime.KeepAlive(ix)
	m := newTaggerModel()
	runtime.GC()
	var tagged runtime.MemStats
	runtime.ReadMemStats(&tagged)
	b.ReportMetric(float64(tagged.HeapAlloc-after.HeapAlloc)/(1<<20), "MB-heap-tagger")
	runtime.KeepAlive(m)
}

func TestUninvert(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Receptors, Opioid, kappa", "kappa Opioid Receptors"},
		{"Receptors, Serotonin", "Serotonin Receptors"},
		{"Nuclear Receptor Subfamily 6, Group A, Member 1", "Nuclear Receptor Subfamily 6, Group A, Member 1"},
		{"Ibogaine", "Ibogaine"},
	} {
		if got := uninvert(c.in); got != c.want {
			t.Errorf("uninvert(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
