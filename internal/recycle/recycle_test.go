package recycle

import (
	"context"
	"testing"
	"time"
)

type lent struct{ released int }

func (l *lent) Release() { l.released++ }

// TestBin: what is held is released once, on Release; a context without
// a bin holds nothing; the bin's context keeps its parent's values,
// deadline and cancellation.
func TestBin(t *testing.T) {
	if From(context.Background()) != nil {
		t.Fatal("a bin on a bare context")
	}
	var none *Bin
	if none.Hold(&lent{}) {
		t.Fatal("a nil bin held something")
	}
	none.Release()

	type other struct{}
	parent, cancel := context.WithTimeout(context.WithValue(context.Background(), other{}, "v"), time.Hour)
	ctx, b := With(parent)
	if From(ctx) != b {
		t.Fatal("From does not find the bin")
	}
	if ctx.Value(other{}) != "v" {
		t.Fatal("the parent's value is lost")
	}
	if _, ok := ctx.Deadline(); !ok {
		t.Fatal("the parent's deadline is lost")
	}
	x, y := &lent{}, &lent{}
	if !b.Hold(x) || !b.Hold(y) {
		t.Fatal("the bin refused")
	}
	if x.released != 0 {
		t.Fatal("released before Release")
	}
	b.Release()
	b.Release()
	if x.released != 1 || y.released != 1 {
		t.Fatalf("released %d and %d times, want once each", x.released, y.released)
	}
	cancel()
	select {
	case <-ctx.Done():
	default:
		t.Fatal("the parent's cancellation does not reach the bin's context")
	}
}
