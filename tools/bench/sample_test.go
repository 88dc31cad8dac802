package bench

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// sampleParams is a Params with n made-up ids per sample.
func sampleParams(n int, seed uint64) Params {
	p := Params{Seed: seed}
	for i := range n {
		p.Entities = append(p.Entities, fmt.Sprintf("DRUG:%03d", i))
		p.PathFroms = append(p.PathFroms, fmt.Sprintf("DRUG:%03d", i+500))
		p.Centres = append(p.Centres, fmt.Sprintf("GO:%03d", i))
	}
	return p
}

func TestSequenceIsAPureFunction(t *testing.T) {
	p := sampleParams(DefaultSampleSize, DefaultSeed)
	a, b := NewSequence(p), NewSequence(p)
	// b is asked in the opposite order: no state may carry over.
	type key struct {
		q         QueryID
		client, i int
	}
	got := map[key]int{}
	for _, q := range Mix {
		for c := range 8 {
			for i := range 200 {
				got[key{q, c, i}] = a.Index(q, c, i)
			}
		}
	}
	for _, q := range slices.Backward(Mix) {
		for c := 7; c >= 0; c-- {
			for i := 199; i >= 0; i-- {
				if k := b.Index(q, c, i); k != got[key{q, c, i}] {
					t.Fatalf("%s client %d request %d: %d, then %d", q, c, i, got[key{q, c, i}], k)
				}
			}
		}
	}
	// The clients and the questions do not all ask the same thing.
	same := 0
	for i := range 200 {
		if got[key{QEntity, 0, i}] == got[key{QEntity, 1, i}] {
			same++
		}
	}
	if same > 50 {
		t.Errorf("clients 0 and 1 ask the same id %d times in 200", same)
	}
	other := NewSequence(sampleParams(DefaultSampleSize, DefaultSeed+1))
	diff := 0
	for i := range 200 {
		if other.Index(QEntity, 0, i) != got[key{QEntity, 0, i}] {
			diff++
		}
	}
	if diff < 100 {
		t.Errorf("another seed changes only %d of 200 draws", diff)
	}
	for c := range 8 {
		for i := range 200 {
			if k := got[key{QStats, c, i}]; k != 0 {
				t.Fatalf("a question without a sample drew index %d", k)
			}
		}
	}
}

func TestSequenceIsZipfSkewed(t *testing.T) {
	const n, draws = DefaultSampleSize, 200_000
	s := NewSequence(sampleParams(n, DefaultSeed))
	freq := make([]int, n)
	for c := range 4 {
		for i := range draws / 4 {
			k := s.Index(QPaths6, c, i)
			if k < 0 || k >= n {
				t.Fatalf("index %d outside the sample of %d", k, n)
			}
			freq[k]++
		}
	}
	// Every id is asked about: the rare ones too.
	for k, f := range freq {
		if f == 0 {
			t.Errorf("id %d of %d never drawn in %d requests", k, n, draws)
		}
	}
	// The law of internal/synth: P(k) ∝ (2+k)^-1.15, so the most popular
	// id is drawn (2+63)^1.15/2^1.15 ≈ 55 times as often as the 64th, and
	// the top tenth of the ids take about half the requests.
	if r := float64(freq[0]) / float64(max(1, freq[63])); r < 30 || r > 100 {
		t.Errorf("id 0 drawn %d times, id 63 %d times: ratio %.1f, want about 55", freq[0], freq[63], r)
	}
	top := 0
	for _, f := range freq[:n/10] {
		top += f
	}
	if share := float64(top) / draws; share < 0.40 || share > 0.65 {
		t.Errorf("the top 10%% of ids take %.0f%% of the requests, want about half", share*100)
	}
	// And the uniform law would fail both.
	for k := 1; k < n; k++ {
		if freq[k] > freq[0] {
			t.Errorf("id %d drawn more often (%d) than the most popular (%d)", k, freq[k], freq[0])
		}
	}
}

func TestRankBySeed(t *testing.T) {
	ids := sampleParams(200, 0).Entities
	a, b := rankBySeed(ids, 1), rankBySeed(ids, 1)
	if !slices.Equal(a, b) {
		t.Fatal("the same seed ranks differently")
	}
	sorted := slices.Clone(a)
	slices.Sort(sorted)
	if !slices.Equal(sorted, ids) {
		t.Fatal("ranking lost or duplicated ids")
	}
	if slices.Equal(a, ids) {
		t.Error("the ranking is the id order: popularity would follow the ids")
	}
	if slices.Equal(a, rankBySeed(ids, 2)) {
		t.Error("another seed ranks alike")
	}
}

func TestParamsIDs(t *testing.T) {
	one := Params{Entity: "A", PathFrom: "B", Centre: "C"}
	if got := one.IDs(QEntity); !slices.Equal(got, []string{"A"}) {
		t.Errorf("a hand-made Params: %v", got)
	}
	if one.IDs(QStats) != nil || one.IDs(QList) != nil {
		t.Error("questions without an id have a sample")
	}
	p := sampleParams(3, 0)
	if got := p.IDs(QPaths4); !slices.Equal(got, p.PathFroms) || !slices.Equal(p.IDs(QPaths6), got) {
		t.Errorf("(d) and (e) draw from %v and %v", got, p.IDs(QPaths6))
	}
}

// recorder is a System that answers with the id it was asked about (and,
// when wrong is set, differently for those ids) and records its requests.
type recorder struct {
	name  string
	p     Params
	wrong map[string]bool
	mu    sync.Mutex
	asked []string
}

func (r *recorder) Name() string { return r.name }

func (r *recorder) Ask(_ context.Context, q QueryID, k int, check bool) (string, error) {
	id := ""
	if ids := r.p.IDs(q); ids != nil {
		id = ids[k]
	}
	r.mu.Lock()
	r.asked = append(r.asked, string(q)+" "+id)
	r.mu.Unlock()
	if r.wrong[id] {
		return "wrong " + id, nil
	}
	return string(q) + " " + id, nil
}

func TestMeasureAsksTheSameSequenceOfEverySystem(t *testing.T) {
	p := sampleParams(DefaultSampleSize, DefaultSeed)
	seq := NewSequence(p)
	a, b := &recorder{name: "a", p: p}, &recorder{name: "b", p: p}
	l := Load{MaxRequests: 600, MinRequests: 600, Timeout: time.Second}
	Measure(context.Background(), a, seq, Meter{}, Mix, 1, l)
	Measure(context.Background(), b, seq, Meter{}, Mix, 1, l)
	if len(a.asked) != 600 || !slices.Equal(a.asked, b.asked) {
		t.Fatalf("the systems were asked different sequences (%d and %d requests)", len(a.asked), len(b.asked))
	}
	distinct := map[string]bool{}
	for _, x := range a.asked {
		if strings.HasPrefix(x, string(QEntity)) {
			distinct[x] = true
		}
	}
	if len(distinct) < 40 { // 100 draws of 128 ids, Zipf-skewed
		t.Errorf("only %d distinct entities in 100 timed requests", len(distinct))
	}
}

func TestCheckAsksEveryIDOfTheSample(t *testing.T) {
	p := sampleParams(DefaultSampleSize, DefaultSeed)
	rare := p.Centres[len(p.Centres)-1]
	good := &recorder{name: "good", p: p}
	bad := &recorder{name: "bad", p: p, wrong: map[string]bool{rare: true, p.Centres[len(p.Centres)-2]: true}}
	answers, errs := Check(context.Background(), []System{good, bad}, p, time.Second)
	if want := 2 + 4*DefaultSampleSize; len(good.asked) != want || len(bad.asked) != want {
		t.Errorf("asked %d and %d questions, want %d (every id of every sample)", len(good.asked), len(bad.asked), want)
	}
	if len(answers[QNeighborhood]) != DefaultSampleSize {
		t.Errorf("%d answers of (f), want %d", len(answers[QNeighborhood]), DefaultSampleSize)
	}
	if len(errs) != 1 {
		t.Fatalf("want one mismatch (on the two least popular centres), got %d: %v", len(errs), errs)
	}
	m, ok := errs[0].(Mismatch)
	if !ok || m.Query != QNeighborhood || m.GotBy != "bad" || m.More != 1 {
		t.Errorf("got %#v", errs[0])
	}
}

// loggedSystem records, in one log shared by several systems, which system
// answered each request, so that a test can see the order of turns.
type loggedSystem struct {
	*recorder
	log *[]string
	mu  *sync.Mutex
}

func (s loggedSystem) Ask(ctx context.Context, q QueryID, k int, check bool) (string, error) {
	s.mu.Lock()
	*s.log = append(*s.log, s.name)
	s.mu.Unlock()
	return s.recorder.Ask(ctx, q, k, check)
}

// TestMeasureTurnsAlternates: MeasureTurns times the systems in turns,
// forward then backward, each turn a share of the cell's requests; each
// system is asked the same sequence as one Measure of the whole cell
// asks, continued across its turns; and each cell counts all its turns'
// requests.
func TestMeasureTurnsAlternates(t *testing.T) {
	p := sampleParams(DefaultSampleSize, DefaultSeed)
	seq := NewSequence(p)
	var (
		log []string
		mu  sync.Mutex
	)
	a, b := &recorder{name: "a", p: p}, &recorder{name: "b", p: p}
	systems := []System{loggedSystem{a, &log, &mu}, loggedSystem{b, &log, &mu}}
	l := Load{MaxRequests: 600, MinRequests: 600, Timeout: time.Second}
	cells := MeasureTurns(context.Background(), systems, seq, nil, Mix, 1, l, 4)
	var order []string
	for i, s := range log {
		if i == 0 || log[i-1] != s {
			order = append(order, s)
		}
	}
	if want := []string{"a", "b", "a", "b", "a"}; !slices.Equal(order, want) {
		t.Errorf("turns in the order %v, want %v (a b, b a, a b, b a)", order, want)
	}
	whole := &recorder{name: "whole", p: p}
	Measure(context.Background(), whole, seq, Meter{}, Mix, 1, l)
	if len(a.asked) != 600 || !slices.Equal(a.asked, whole.asked) || !slices.Equal(b.asked, whole.asked) {
		t.Errorf("in turns the systems were asked %d and %d requests, not the %d of one cell in the same order", len(a.asked), len(b.asked), len(whole.asked))
	}
	for _, c := range cells {
		if c.Requests != 600 || c.Errors != 0 || c.P50Ms < 0 {
			t.Errorf("%s: %d requests, %d errors", c.System, c.Requests, c.Errors)
		}
	}
}
