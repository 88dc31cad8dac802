package neo4jtest

import (
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
)

// RunCounter is a Bolt logger (neo4j.Config.BoltLogger) that counts the
// statements a store sends: one RUN message each, whichever way the
// store sends them. Tests use it to hold requests to a statement budget.
type RunCounter struct{ runs atomic.Int64 }

// Runs is the number of statements sent so far.
func (c *RunCounter) Runs() int64 { return c.runs.Load() }

// LogClientMessage implements log.BoltLogger.
func (c *RunCounter) LogClientMessage(_ string, msg string, _ ...any) {
	if strings.HasPrefix(msg, "RUN") {
		c.runs.Add(1)
	}
}

// LogServerMessage implements log.BoltLogger.
func (c *RunCounter) LogServerMessage(string, string, ...any) {}

// Statement is one statement a store sent: its text and parameters.
type Statement struct {
	Cypher string
	Params map[string]any
}

// Recorder is a Bolt logger that keeps the statements a store sends, with
// their parameters as the driver sent them (typed, not as logged text),
// so that a harness can PROFILE exactly what the store ran.
type Recorder struct {
	mu    sync.Mutex
	stmts []Statement
}

// LogClientMessage implements log.BoltLogger. The driver logs a RUN as
// ("RUN %q %s %s", cypher, params, metadata), its params a map type of its
// own, read here through reflection.
func (r *Recorder) LogClientMessage(_ string, msg string, args ...any) {
	if !strings.HasPrefix(msg, "RUN") || len(args) < 2 {
		return
	}
	cypher, ok := args[0].(string)
	if !ok {
		return
	}
	params := map[string]any{}
	if v := reflect.ValueOf(args[1]); v.Kind() == reflect.Map && v.Type().Key().Kind() == reflect.String {
		for it := v.MapRange(); it.Next(); {
			params[it.Key().String()] = it.Value().Interface()
		}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.stmts = append(r.stmts, Statement{Cypher: cypher, Params: params})
}

// LogServerMessage implements log.BoltLogger.
func (r *Recorder) LogServerMessage(string, string, ...any) {}

// Take returns the statements recorded since the last Take and forgets
// them.
func (r *Recorder) Take() []Statement {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.stmts
	r.stmts = nil
	return out
}
