package explorer

import (
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// features are the explorer's feature modules: each may import the base
// modules, never another feature nor the controller. Only the controller
// (js/controller.js) and the entry module (app.js) import features, so
// navigation has one owner and the imports form no loop.
var features = []string{"js/search.js", "js/neighbourhood.js", "js/paths.js", "js/details.js", "js/evidence.js",
	"js/table.js", "js/edge-types.js", "js/export.js"}

var importRe = regexp.MustCompile(`(?m)^import\s[^;]*?from\s+'(\./[^']+)'`)

// moduleImports reads the import graph of the explorer's modules, by path
// under assets/.
func moduleImports(t *testing.T) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	err := fs.WalkDir(Assets(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".js") || strings.HasPrefix(p, "vendor/") {
			return err
		}
		src, err := fs.ReadFile(Assets(), p)
		if err != nil {
			return err
		}
		out[p] = nil
		for _, m := range importRe.FindAllStringSubmatch(string(src), -1) {
			out[p] = append(out[p], path.Join(path.Dir(p), m[1]))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestModuleImports(t *testing.T) {
	g := moduleImports(t)
	if len(g["app.js"]) == 0 || len(g["js/controller.js"]) == 0 {
		t.Fatalf("no imports read from app.js or js/controller.js: %v", g)
	}
	for _, f := range features {
		if _, ok := g[f]; !ok {
			t.Errorf("feature %s is not among the modules", f)
		}
		for _, dep := range g[f] {
			if slices.Contains(features, dep) || dep == "js/controller.js" || dep == "app.js" {
				t.Errorf("feature %s imports %s: features are leaves; navigate through js/nav.js", f, dep)
			}
		}
	}
	for m, deps := range g {
		for _, dep := range deps {
			if _, ok := g[dep]; !ok {
				t.Errorf("%s imports %s, which is not a module of the explorer", m, dep)
			}
			if dep == "js/controller.js" && m != "app.js" {
				t.Errorf("%s imports the controller; only app.js does", m)
			}
		}
	}
	// No loop: a depth-first walk never meets a module on its own stack.
	const (
		unseen = iota
		onStack
		done
	)
	mark := map[string]int{}
	var stack []string
	var visit func(string)
	visit = func(m string) {
		mark[m] = onStack
		stack = append(stack, m)
		for _, dep := range g[m] {
			switch mark[dep] {
			case onStack:
				i := slices.Index(stack, dep)
				t.Errorf("import loop: %s", strings.Join(append(slices.Clone(stack[i:]), dep), " -> "))
			case unseen:
				visit(dep)
			}
		}
		stack = stack[:len(stack)-1]
		mark[m] = done
	}
	for _, m := range slices.Sorted(func(yield func(string) bool) {
		for k := range g {
			if !yield(k) {
				return
			}
		}
	}) {
		if mark[m] == unseen {
			visit(m)
		}
	}
}
