package trapi_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kapgraph/kapgraph/api/httpapi"
	"github.com/kapgraph/kapgraph/api/trapi"
	"github.com/kapgraph/kapgraph/internal/testutil"
)

func httpConfigMaxBody(n int64) httpapi.Config { return httpapi.Config{MaxBodyBytes: n} }

// checkerModules are what scripts/trapi-check.py needs; scripts/setup-python.sh
// installs them into .cache/venv.
const checkerModules = "import yaml, biolink_model, reasoner_pydantic"

// checkerPython finds a Python with the checker's modules (testutil.Python).
func checkerPython() (string, string) {
	return testutil.Python(checkerModules, "PyYAML, biolink-model and reasoner-pydantic")
}

// writeResponses lays out the responses for the checker: one directory
// per engine, one file per question, and the ancestor tables.
func writeResponses(t *testing.T, all map[string]map[string][]byte) (dir string, files []string) {
	t.Helper()
	dir = t.TempDir()
	for engine, bodies := range all {
		for name, body := range bodies {
			p := filepath.Join(dir, engine+"-"+name+".json")
			if err := os.WriteFile(p, body, 0o644); err != nil {
				t.Fatal(err)
			}
			files = append(files, p)
		}
	}
	slices.Sort(files)
	cats, preds, sym := trapi.Ancestry()
	b, err := json.Marshal(map[string]any{"categories": cats, "predicates": preds, "symmetric": sym})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "ancestry.json"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, files
}

func runScript(t *testing.T, py, dir string, files []string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	args := append([]string{filepath.Join("..", "..", "scripts", "trapi-check.py"), "--ancestry", filepath.Join(dir, "ancestry.json")}, files...)
	out, err := exec.CommandContext(ctx, py, args...).CombinedOutput()
	return string(out), err
}

// runChecker has scripts/trapi-check.py, which shares no code with
// kapgraph, parse every response with reasoner-pydantic and check every
// category, predicate and qualifier against the Biolink schema. Outside CI
// it skips without the venv; under CI=true that is a failure.
func runChecker(t *testing.T, all map[string]map[string][]byte) {
	py, why := checkerPython()
	if py == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s: CI must run scripts/setup-python.sh before go test", why)
		}
		t.Skip(why + "; run scripts/setup-python.sh")
	}
	if len(all["memory"]) == 0 {
		t.Fatal("no responses to check")
	}
	dir, files := writeResponses(t, all)
	out, err := runScript(t, py, dir, files)
	if err != nil {
		t.Fatalf("trapi-check.py: %v\n%s", err, out)
	}
	if strings.Count(out, ": OK") != len(files) || !strings.Contains(out, "trapi-check: all OK") {
		t.Errorf("not every response passed:\n%s", out)
	}
	t.Logf("%s", out)

	// The checker must catch what it claims to: a predicate Biolink does
	// not have, a qualifier value outside its enum, a category that is a
	// mixin, a response TRAPI's models refuse, and a wrong ancestor.
	t.Run("catches broken responses", func(t *testing.T) {
		good := all["memory"]["one-hop-decreased-activity"]
		broken := map[string][]byte{
			"bad-predicate": []byte(strings.Replace(string(good), `"predicate": "biolink:affects"`, `"predicate": "biolink:affectz"`, 1)),
			"bad-qualifier": []byte(strings.Replace(string(good), `"qualifier_value": "decreased"`, `"qualifier_value": "lowered"`, 1)),
			"bad-category":  []byte(strings.Replace(string(good), `"biolink:SmallMolecule"`, `"biolink:ChemicalOrDrugOrTreatment"`, 1)),
			"bad-trapi":     []byte(strings.Replace(string(good), `"resource_role": "primary_knowledge_source"`, `"resource_role": "author"`, 1)),
		}
		for name, b := range broken {
			if string(b) == string(good) {
				t.Fatalf("%s: the replacement did not apply", name)
			}
		}
		dir, files := writeResponses(t, map[string]map[string][]byte{"broken": broken})
		cats, preds, sym := trapi.Ancestry()
		cats["biolink:SmallMolecule"] = append(cats["biolink:SmallMolecule"], "biolink:Disease")
		b, _ := json.Marshal(map[string]any{"categories": cats, "predicates": preds, "symmetric": append(sym, "biolink:affects")})
		if err := os.WriteFile(filepath.Join(dir, "ancestry.json"), b, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := runScript(t, py, dir, files)
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 1 {
			t.Fatalf("want exit status 1, got %v:\n%s", err, out)
		}
		for _, want := range []string{"biolink:affectz", "'lowered'", "biolink:ChemicalOrDrugOrTreatment is a mixin", "reasoner-pydantic refuses", "lists biolink:Disease", "biolink:affects is not symmetric"} {
			if !strings.Contains(out, want) {
				t.Errorf("the checker did not report %q:\n%s", want, out)
			}
		}
	})
}
