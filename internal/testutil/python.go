package testutil

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Python finds a Python that can run one of the project's independent
// checkers (scripts/*-check.py): $KAPGRAPH_PYTHON, then the project venv
// that scripts/setup-python.sh builds (.cache/venv, found from the
// module root), then python3 on PATH. imports is the Python statement
// that must succeed (e.g. "import yaml, biolink_model"); needs names those
// modules for the reason given when no Python has them. It returns the
// interpreter, or "" and that reason.
func Python(imports, needs string) (string, string) {
	var candidates []string
	if p := os.Getenv("KAPGRAPH_PYTHON"); p != "" {
		candidates = append(candidates, p)
	}
	if root, ok := moduleRoot(); ok {
		candidates = append(candidates, filepath.Join(root, ".cache", "venv", "bin", "python"))
	}
	if p, err := exec.LookPath("python3"); err == nil {
		candidates = append(candidates, p)
	}
	var why []string
	for _, p := range candidates {
		if _, err := os.Stat(p); err != nil {
			why = append(why, p+": not there")
			continue
		}
		out, err := exec.Command(p, "-c", imports).CombinedOutput()
		if err == nil {
			return p, ""
		}
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")
		why = append(why, p+": "+lines[len(lines)-1])
	}
	return "", "no Python with " + needs + " (" + strings.Join(why, "; ") + ")"
}

// moduleRoot is the nearest directory at or above the working directory
// (a test's package directory) holding go.mod.
func moduleRoot() (string, bool) {
	dir, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}
