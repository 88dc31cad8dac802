// Package reliability holds kapgraph's reliability and security checks:
// hostile requests, injection attempts against both engines, database
// faults against a real Neo4j, and the sustained-load tool
// (reliability/cmd/kapload). The tests live in this package and in
// httpapi/ and resolvers/; each case they check is recorded with Record,
// so that reliability/cmd/reliabilityreport can turn a `go test -json` run
// into RELIABILITY.md without anyone writing results by hand.
package reliability

import (
	"encoding/json"
	"testing"
)

// Marker starts the log line of a recorded case in `go test -json` output.
const Marker = "RELIABILITY-CASE "

// Case is one checked case and what happened.
type Case struct {
	// Area groups cases in the report: "hostile", "injection",
	// "faults", "production", "fuzz", ...
	Area string `json:"area"`
	// Name says what was sent or done.
	Name string `json:"name"`
	// Expect is the outcome the case requires, e.g. "413 REQUEST_TOO_LARGE".
	Expect string `json:"expect"`
	// Got is what the server answered, in the same terms.
	Got string `json:"got"`
	// OK reports whether Got satisfies Expect.
	OK bool `json:"ok"`
	// Millis is how long the request (or step) took.
	Millis float64 `json:"ms,omitempty"`
	// Detail holds figures worth keeping (counts, sizes).
	Detail string `json:"detail,omitempty"`
}

// Record logs c in the form the report generator reads, and fails the
// test when c is not OK.
func Record(t testing.TB, c Case) {
	t.Helper()
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatalf("recording a case: %v", err)
	}
	t.Log(Marker + string(b))
	if !c.OK {
		t.Errorf("%s: %s: want %s, got %s %s", c.Area, c.Name, c.Expect, c.Got, c.Detail)
	}
}
