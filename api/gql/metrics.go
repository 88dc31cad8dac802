package gql

import (
	"errors"
	"regexp"
	"strconv"
	"sync"

	"github.com/prometheus/client_golang/prometheus"
)

// maxOperationNames bounds the operation label: names come from clients,
// and an unbounded label set would let any client grow the server's
// memory and the scraper's storage. Names past the bound count as "other".
const maxOperationNames = 200

// metrics count the endpoint's operations. A nil *metrics counts nothing.
type metrics struct {
	operations *prometheus.CounterVec

	mu      sync.Mutex
	opNames map[string]bool
}

// newMetrics registers the operation counter on reg (reusing the one
// there when tests build several handlers over one registry); nil reg:
// nil metrics.
func newMetrics(reg prometheus.Registerer) *metrics {
	if reg == nil {
		return nil
	}
	c := prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: "kapgraph",
		Subsystem: "graphql",
		Name:      "operations_total",
		Help: "GraphQL requests, by operation name (anonymous when unnamed, other past " +
			strconv.Itoa(maxOperationNames) + " names) and error code (OK, or the first error's extensions.code).",
	}, []string{"operation", "code"})
	if err := reg.Register(c); err != nil {
		var are prometheus.AlreadyRegisteredError
		existing, ok := (*prometheus.CounterVec)(nil), false
		if errors.As(err, &are) {
			existing, ok = are.ExistingCollector.(*prometheus.CounterVec)
		}
		if !ok {
			// A different collector under the same name is a
			// programming error that no caller could handle.
			panic(err)
		}
		c = existing
	}
	return &metrics{operations: c, opNames: map[string]bool{}}
}

// validName is a GraphQL name (spec section 2.1.9), the only kind of
// operation name we are willing to use as a label.
var validName = regexp.MustCompile(`^[_A-Za-z][_0-9A-Za-z]{0,63}$`)

func (m *metrics) operation(name, code string) {
	if m == nil {
		return
	}
	m.operations.WithLabelValues(m.opLabel(name), code).Inc()
}

func (m *metrics) opLabel(name string) string {
	if name == "" {
		return "anonymous"
	}
	if !validName.MatchString(name) {
		return "other"
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.opNames[name] {
		return name
	}
	if len(m.opNames) >= maxOperationNames {
		return "other"
	}
	m.opNames[name] = true
	return name
}
