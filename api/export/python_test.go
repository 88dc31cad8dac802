package export_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kapgraph/kapgraph/api/export"
	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/internal/testutil"
)

// checkerModules are what scripts/kgx-check.py needs for its full checks;
// scripts/setup-python.sh installs them into .cache/venv.
const checkerModules = "import networkx, yaml, biolink_model"

// checkerPython finds a Python with the checker's modules (testutil.Python).
func checkerPython(t *testing.T) (string, string) {
	t.Helper()
	return testutil.Python(checkerModules, "networkx, PyYAML and biolink-model")
}

func writeExportDir(t *testing.T, g *export.Graph) string {
	t.Helper()
	dir := t.TempDir()
	meta := export.Meta{Date: buildDate(), Version: "test"}
	for name, write := range map[string]func(*os.File) error{
		export.KGXNodesFile:    func(f *os.File) error { return export.WriteKGXNodes(f, g) },
		export.KGXEdgesFile:    func(f *os.File) error { return export.WriteKGXEdges(f, g) },
		export.KGXManifestFile: func(f *os.File) error { return export.WriteKGXManifest(f, g, meta) },
		export.GraphMLFile:     func(f *os.File) error { return export.WriteGraphML(f, g) },
	} {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := write(f); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func runChecker(t *testing.T, py string, dirs ...string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	// The kgx validator is opt-in, like its installation: it is heavy,
	// and it currently refuses ids with "/" in their local part.
	kgx := "no"
	if os.Getenv("KAPGRAPH_KGX") != "" {
		kgx = "yes"
	}
	args := append([]string{filepath.Join("..", "..", "scripts", "kgx-check.py"), "--require-biolink", "--kgx-validate", kgx}, dirs...)
	cmd := exec.CommandContext(ctx, py, args...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// TestIndependentChecker has a reader that shares no code with kapgraph
// (NetworkX, the Biolink schema, and with KAPGRAPH_KGX=1 the kgx
// validator) read the exports. Outside CI it skips without Python; in CI (CI=true)
// that is a failure, since scripts/setup-python.sh must have run.
func TestIndependentChecker(t *testing.T) {
	py, why := checkerPython(t)
	if py == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s: CI must run scripts/setup-python.sh before go test", why)
		}
		t.Skip(why + "; run scripts/setup-python.sh")
	}
	// One run for all three exports: the schema is read once.
	var dirs []string
	for _, g := range []*export.Graph{
		snapshot(t, newStore(t, seedDocs(t))),
		snapshot(t, newStore(t, fixtureDocs(t))),
		snapshot(t, fullStore(t)),
	} {
		dirs = append(dirs, writeExportDir(t, g))
	}
	out, err := runChecker(t, py, dirs...)
	if err != nil {
		t.Fatalf("kgx-check.py: %v\n%s", err, out)
	}
	if strings.Count(out, "  OK (") != len(dirs) || !strings.Contains(out, "kgx-check: all OK") {
		t.Errorf("not every export passed:\n%s", out)
	}
	t.Logf("%s", out)

	// The checker must catch what it claims to: a category that is not a
	// Biolink class, an edge to nowhere, and a GraphML file that
	// disagrees with the KGX files.
	t.Run("catches a broken export", func(t *testing.T) {
		g := snapshot(t, newStore(t, fixtureDocs(t)))
		dir := writeExportDir(t, g)
		bad := *g.Nodes[0]
		bad.Biolink = "biolink:Drugg"
		broken := &export.Graph{Documents: g.Documents, Nodes: append([]*graph.Node{&bad}, g.Nodes[1:]...),
			Edges: append(g.Edges[:len(g.Edges):len(g.Edges)], &graph.Edge{ID: "KAP:x", Subject: bad.ID, Predicate: graph.Mentions, Object: "KAP:nowhere", Document: "KAP:doc-a"})}
		f, err := os.Create(filepath.Join(dir, export.KGXNodesFile))
		if err != nil {
			t.Fatal(err)
		}
		if err := export.WriteKGXNodes(f, broken); err != nil {
			t.Fatal(err)
		}
		f.Close()
		f, err = os.Create(filepath.Join(dir, export.KGXEdgesFile))
		if err != nil {
			t.Fatal(err)
		}
		if err := export.WriteKGXEdges(f, broken); err != nil {
			t.Fatal(err)
		}
		f.Close()
		out, err := runChecker(t, py, dir)
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 1 {
			t.Fatalf("want exit status 1, got %v:\n%s", err, out)
		}
		for _, want := range []string{"biolink:Drugg is not a Biolink class", "KAP:nowhere", "graphml: edge ids differ", "sha256 of edges.jsonl"} {
			if !strings.Contains(out, want) {
				t.Errorf("the checker did not report %q:\n%s", want, out)
			}
		}
	})
}
