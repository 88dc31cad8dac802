package storetest

import (
	"os/exec"
	"strings"
	"testing"
)

// The suite is the domain's own: it, and everything it imports from this
// module, lives under graph/, so that an engine's tests never pull in the
// loader, the API or the repository's test helpers.
func TestDependsOnGraphOnly(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	const module = "github.com/kapgraph/kapgraph/"
	seen := 0
	for _, p := range strings.Fields(string(out)) {
		if !strings.HasPrefix(p, module) {
			continue
		}
		seen++
		if p != module+"graph" && !strings.HasPrefix(p, module+"graph/") {
			t.Errorf("graph/storetest depends on %s, outside graph/", p)
		}
	}
	if seen < 2 { // itself and graph at least
		t.Fatalf("go list -deps named %d packages of the module: %s", seen, out)
	}
}
