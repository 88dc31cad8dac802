package neo4j

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/storetest"
)

// messageLog is a Bolt logger keeping every message the client sends, as
// the driver renders it.
type messageLog struct {
	mu   sync.Mutex
	msgs []string
}

func (l *messageLog) LogClientMessage(_ string, msg string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.msgs = append(l.msgs, fmt.Sprintf(msg, args...))
}

func (l *messageLog) LogServerMessage(string, string, ...any) {}

func (l *messageLog) take() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := l.msgs
	l.msgs = nil
	return out
}

// A neo4j:// URI makes the driver route: it keeps the server's routing
// table (fetched on a connection of its own, which the session's Bolt
// logger does not see), sends each read in a read transaction (which a
// cluster serves from a follower or read replica) and each write in a
// write one (to the leader), and a read after a load carries the load's
// bookmark, so that whichever member answers it has applied the load
// first. One server plays every role here; the messages show the modes
// and the bookmarks.
func TestRoutingURI(t *testing.T) {
	base := testStore(t) // the database lock and the schema
	wipe(t, base)
	cfg := server.cfg
	uri, ok := strings.CutPrefix(cfg.URI, "bolt://")
	if !ok {
		t.Fatalf("the test server's URI %q is not bolt://", cfg.URI)
	}
	cfg.URI = "neo4j://" + uri
	log := &messageLog{}
	cfg.BoltLogger = log
	ctx := context.Background()
	s, err := Open(ctx, cfg)
	if err != nil {
		t.Fatalf("opening %s: %v", cfg.URI, err)
	}
	defer s.Close(ctx)
	if err := s.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
	log.take()

	doc := storetest.Seeds(t)[0]
	if _, err := s.Load(ctx, doc); err != nil {
		t.Fatalf("load through %s: %v", cfg.URI, err)
	}
	writes := log.take()
	if !hasMessage(writes, "BEGIN", "") {
		t.Fatalf("the load sent no BEGIN: %q", short(writes))
	}
	if hasMessage(writes, "BEGIN", `"mode":"r"`) {
		t.Errorf("the load ran in a read transaction: %q", short(writes))
	}

	var id string
	for _, n := range doc.Nodes {
		if n.Category.Curated() {
			id = n.ID
			break
		}
	}
	n, err := s.Node(ctx, id)
	if err != nil || n.ID != id {
		t.Fatalf("reading %s back through %s: %v %v", id, cfg.URI, n, err)
	}
	if _, err := s.Read(ctx, graph.ReadPlan{IDs: []string{id}, Root: graph.PlanNode{Pages: []*graph.PlanPage{{Key: "c", First: 3}}}}); err != nil {
		t.Fatal(err)
	}
	reads := log.take()
	// A read begins its transaction with BEGIN (a managed transaction)
	// or, as an auto-commit transaction (Store.query), with a RUN that
	// carries the transaction's metadata (its database, mode and
	// bookmarks), which a RUN inside a transaction does not.
	var begins []string
	for _, m := range reads {
		if strings.HasPrefix(m, "BEGIN") || strings.HasPrefix(m, "RUN") && strings.Contains(m, `"db":`) {
			begins = append(begins, m)
		}
	}
	if len(begins) == 0 {
		t.Fatalf("reads began no transaction: %q", short(reads))
	}
	for _, m := range begins {
		if !strings.Contains(m, `"mode":"r"`) {
			t.Errorf("a read began a write transaction: %s", m)
		}
	}
	if !slices.ContainsFunc(begins, func(m string) bool { return strings.Contains(m, `"bookmarks":["`) }) {
		t.Errorf("the read after the load carried no bookmark: %q", short(reads))
	}
}

// short cuts each message to its start, for failure messages.
func short(msgs []string) []string {
	out := make([]string, len(msgs))
	for i, m := range msgs {
		out[i] = m[:min(len(m), 160)]
	}
	return out
}

func hasMessage(msgs []string, prefix, part string) bool {
	for _, m := range msgs {
		if strings.HasPrefix(m, prefix) && strings.Contains(m, part) {
			return true
		}
	}
	return false
}
