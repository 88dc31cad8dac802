package httpapi

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the server's Prometheus instruments (the GraphQL
// operation counter is package gql's, on the same registry).
type metrics struct {
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
	inFlight prometheus.Gauge
	queued   prometheus.Gauge
}

// newMetrics registers the instruments (and the Go runtime and process
// collectors) on reg. Registering twice on one registry, as tests that
// build several servers do, reuses the instruments already there.
func newMetrics(reg prometheus.Registerer) *metrics {
	m := &metrics{}
	m.requests = register(reg, prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: "kapgraph",
		Subsystem: "http",
		Name:      "requests_total",
		Help:      "HTTP requests served, by route pattern, method and status code.",
	}, []string{"route", "method", "status"}))
	m.duration = register(reg, prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Namespace: "kapgraph",
		Subsystem: "http",
		Name:      "request_duration_seconds",
		Help:      "Time to serve an HTTP request, by route pattern, method and status code.",
		Buckets:   []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
	}, []string{"route", "method", "status"}))
	m.inFlight = register(reg, prometheus.NewGauge(prometheus.GaugeOpts{
		Namespace: "kapgraph",
		Subsystem: "http",
		Name:      "requests_in_flight",
		Help:      "HTTP requests being served now.",
	}))
	m.queued = register(reg, prometheus.NewGauge(prometheus.GaugeOpts{
		Namespace: "kapgraph",
		Subsystem: "graphql",
		Name:      "requests_queued",
		Help:      "GraphQL requests waiting for one of the MaxInFlight execution slots.",
	}))
	register(reg, collectors.NewGoCollector())
	register(reg, collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// register registers c, or returns the equal collector already registered.
func register[C prometheus.Collector](reg prometheus.Registerer, c C) C {
	if err := reg.Register(c); err != nil {
		var are prometheus.AlreadyRegisteredError
		if errors.As(err, &are) {
			if existing, ok := are.ExistingCollector.(C); ok {
				return existing
			}
		}
		// A different collector under the same name is a programming
		// error that no caller could handle.
		panic(err)
	}
	return c
}

func (m *metrics) request(route, method string, status int, d time.Duration) {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodOptions:
	default:
		method = "other" // methods are client-chosen strings too
	}
	code := strconv.Itoa(status)
	m.requests.WithLabelValues(route, method, code).Inc()
	m.duration.WithLabelValues(route, method, code).Observe(d.Seconds())
}

// handleMetrics exposes the registry in the Prometheus text format.
func handleMetrics(reg *prometheus.Registry) http.Handler {
	return promhttp.HandlerFor(reg, promhttp.HandlerOpts{
		ErrorHandling: promhttp.ContinueOnError,
	})
}
