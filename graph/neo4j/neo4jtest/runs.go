package neo4jtest

import (
	"strings"
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
