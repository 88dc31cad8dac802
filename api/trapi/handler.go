package trapi

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"

	"github.com/kapgraph/kapgraph/graph"
)

// Handlers serves TRAPI's two endpoints over one Engine. httpapi mounts
// them (POST /trapi/query, GET /trapi/meta_knowledge_graph); its
// middleware already bounds the body and the request's deadline, and this
// package turns those limits into TRAPI errors.
type Handlers struct {
	eng    *Engine
	logger *slog.Logger
}

// NewHandlers returns the handlers over store. logger receives internal
// errors; nil discards them.
func NewHandlers(store graph.Store, logger *slog.Logger) *Handlers {
	if logger == nil {
		logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return &Handlers{eng: NewEngine(store, 0), logger: logger}
}

// Query serves POST /trapi/query; other methods get 405 in TRAPI's error
// shape.
func (h *Handlers) Query() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			h.notAllowed(w, r, "POST")
			return
		}
		body, err := io.ReadAll(r.Body)
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				h.fail(w, nil, graph.Errorf(graph.ELIMIT, "the request body is larger than %d bytes", tooBig.Limit), http.StatusRequestEntityTooLarge, StatusTooLarge)
				return
			}
			h.fail(w, nil, graph.WrapError(graph.EINVALID, err, "reading the request body"), http.StatusBadRequest, StatusBadRequest)
			return
		}
		var q Query
		if json.Valid(body) {
			if err := checkShape(body); err != nil {
				h.fail(w, nil, err, http.StatusBadRequest, StatusBadRequest)
				return
			}
		}
		if err := json.Unmarshal(body, &q); err != nil {
			h.fail(w, nil, graph.WrapError(graph.EINVALID, err, "the body is not a TRAPI query"), http.StatusBadRequest, StatusBadRequest)
			return
		}
		resp, err := h.eng.Query(r.Context(), &q)
		if err != nil {
			code, status := statusOf(r.Context(), err)
			h.fail(w, q.Message.QueryGraph, err, code, status)
			return
		}
		h.write(w, http.StatusOK, resp)
	})
}

// MetaKnowledgeGraph serves GET /trapi/meta_knowledge_graph; other
// methods get 405.
func (h *Handlers) MetaKnowledgeGraph() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.notAllowed(w, r, "GET")
			return
		}
		mkg, err := h.eng.MetaKnowledgeGraph(r.Context())
		if err != nil {
			code, status := statusOf(r.Context(), err)
			h.fail(w, nil, err, code, status)
			return
		}
		h.write(w, http.StatusOK, mkg)
	})
}

// Busy answers a query that waited past its deadline for a turn to run
// (httpapi's admission queue, shared with GraphQL): 503, retry later.
func (h *Handlers) Busy() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.fail(w, nil, graph.Errorf(graph.ETIMEOUT, "the server is busy: the request's deadline passed while it waited for its turn; retry later"),
			http.StatusServiceUnavailable, StatusUnavailable)
	})
}

// statusOf maps a domain error (or a passed deadline) to the HTTP status
// and TRAPI status GraphQL's transport would give it.
func statusOf(ctx context.Context, err error) (int, string) {
	if ctx.Err() != nil {
		return http.StatusGatewayTimeout, StatusTimeout
	}
	switch graph.ErrorCode(err) {
	case graph.EINVALID:
		return http.StatusBadRequest, StatusBadRequest
	case graph.ELIMIT:
		return http.StatusBadRequest, StatusNotTraversed
	case graph.EUNAVAILABLE:
		return http.StatusServiceUnavailable, StatusUnavailable
	case graph.ETIMEOUT:
		return http.StatusGatewayTimeout, StatusTimeout
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return http.StatusGatewayTimeout, StatusTimeout
	}
	return http.StatusInternalServerError, StatusInternal
}

// fail writes a TRAPI error: an empty message (but the query graph, when
// there was one), the status name, and the reason in description and in
// one ERROR log entry whose code is the GraphQL error code.
func (h *Handlers) fail(w http.ResponseWriter, qg json.RawMessage, err error, code int, status string) {
	ecode := graph.ErrorCode(err)
	if code == http.StatusGatewayTimeout {
		ecode = graph.ETIMEOUT
	}
	msg := graph.ErrorMessage(err)
	if code == http.StatusGatewayTimeout && ecode != graph.ErrorCode(err) {
		msg = "the request's deadline passed"
	}
	if code == http.StatusInternalServerError {
		h.logger.Error("trapi", "err", err)
	}
	if !json.Valid(qg) {
		qg = nil
	}
	h.write(w, code, &Response{
		Message:        Message{QueryGraph: qg},
		Status:         status,
		Description:    msg,
		Logs:           []LogEntry{{Level: "ERROR", Code: ecode, Message: msg}},
		SchemaVersion:  SchemaVersion,
		BiolinkVersion: BiolinkVersion,
	})
}

func (h *Handlers) notAllowed(w http.ResponseWriter, r *http.Request, allow string) {
	w.Header().Set("Allow", allow)
	h.fail(w, nil, graph.Errorf(graph.EINVALID, "%s is not supported on %s; use %s", r.Method, r.URL.Path, allow),
		http.StatusMethodNotAllowed, StatusBadRequest)
}

func (h *Handlers) write(w http.ResponseWriter, code int, v any) {
	b, err := marshal(v)
	if err != nil {
		h.logger.Error("trapi", "err", err)
		http.Error(w, `{"status":"InternalError"}`, http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_, _ = w.Write(b)
}
