package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/api/client"
	"github.com/kapgraph/kapgraph/api/gql"
)

// operationsDir is the Go client's operations folder: the trusted-document
// list `serve --trusted-documents` is meant to be given.
const operationsDir = "../../api/client/operations"

// TestServeTrustedDocuments serves with the client's operations as the
// trusted documents, set by the flag and by the environment: the
// generated client must work and anything else must be refused with
// PERSISTED_QUERY_NOT_ALLOWED. Without the setting, anything runs.
func TestServeTrustedDocuments(t *testing.T) {
	for _, tc := range []struct {
		name    string
		env     map[string]string
		args    []string
		trusted bool
	}{
		{"flag", map[string]string{}, []string{"--trusted-documents", operationsDir}, true},
		{"environment", map[string]string{"KAPGRAPH_TRUSTED_DOCUMENTS": operationsDir}, nil, true},
		{"off", map[string]string{}, nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			base := startServe(t, tc.env, tc.args...)
			c, err := client.New(base, nil)
			if err != nil {
				t.Fatal(err)
			}
			ctx := context.Background()
			resp, err := client.Search(ctx, c, "ketamine", 5)
			if err != nil {
				t.Fatalf("the client's Search: %v", err)
			}
			if len(resp.Search) == 0 {
				t.Error("the client's Search found nothing for ketamine")
			}
			out := string(postQuery(t, base, `{ stats { nodes } }`))
			refused := strings.Contains(out, gql.CodeDocumentNotTrusted)
			if refused != tc.trusted {
				t.Errorf("an operation off the list: refused=%v, want %v:\n%s", refused, tc.trusted, out)
			}
			if tc.trusted && !strings.HasPrefix(out, "status 400") {
				t.Errorf("a refused operation is a request error (400 for application/graphql-response+json):\n%s", out)
			}
		})
	}
}

// A list the server cannot use stops serve before it listens.
func TestServeBadTrustedDocuments(t *testing.T) {
	stale := t.TempDir()
	if err := os.WriteFile(filepath.Join(stale, "stale.graphql"), []byte(`query Stale { node(id: "x") { dose } }`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, dir, want string
	}{
		{"missing folder", filepath.Join(t.TempDir(), "nope"), "no such file or directory"},
		{"operation the schema does not have", stale, "operation Stale does not validate"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr syncBuffer
			err := run(context.Background(), []string{"kapgraph", "serve", "--addr", "127.0.0.1:0", "--trusted-documents", tc.dir}, noNeo4j, &stdout, &stderr)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("serve = %v, want an error containing %q", err, tc.want)
			}
			if strings.Contains(stdout.String(), "serving") {
				t.Errorf("serve listened:\n%s", stdout.String())
			}
		})
	}
}
