package httpapi

import (
	"net/http"

	"golang.org/x/sync/semaphore"
)

// admission lets at most max requests that reach the store (GraphQL and
// TRAPI alike, one queue for both) execute at once; the rest wait their
// turn, first come first served (semaphore.Weighted queues waiters in
// order), until their deadline, then get 503 with Retry-After in their
// endpoint's own error shape. Without it a burst of clients interleaves
// everyone's database round trips, so every request slows down together
// and the slowest run past the request timeout, while a queue lets each
// admitted request finish at full speed. max <= 0 admits everyone.
type admission struct {
	slots *semaphore.Weighted // nil: no cap
	m     *metrics
}

func newAdmission(max int, m *metrics) *admission {
	a := &admission{m: m}
	if max > 0 {
		a.slots = semaphore.NewWeighted(int64(max))
	}
	return a
}

// wrap admits next's requests; busy answers one whose deadline passed in
// the queue (after Retry-After is set).
func (a *admission) wrap(next http.Handler, busy http.Handler) http.Handler {
	if a.slots == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !a.slots.TryAcquire(1) {
			a.m.queued.Inc()
			err := a.slots.Acquire(r.Context(), 1)
			a.m.queued.Dec()
			if err != nil {
				w.Header().Set("Retry-After", "1")
				if busy == nil {
					http.Error(w, "the server is busy; retry later", http.StatusServiceUnavailable)
					return
				}
				busy.ServeHTTP(w, r)
				return
			}
		}
		defer a.slots.Release(1)
		next.ServeHTTP(w, r)
	})
}
