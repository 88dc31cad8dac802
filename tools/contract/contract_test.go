// Package contract_test runs scripts/schema-check.sh, the guard of the
// published GraphQL schema, on this repository and on made-up histories
// that break the policy in each way it forbids.
package contract_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

func needTools(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"git", "node", "npm"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s is missing: CI must have it", tool)
			}
			t.Skipf("%s is missing", tool)
		}
	}
}

func runCheck(t *testing.T, dir string) (string, error) {
	t.Helper()
	cmd := exec.Command("bash", filepath.Join(dir, "scripts", "schema-check.sh"))
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// The repository's own history keeps the policy.
func TestRepositoryKeepsThePolicy(t *testing.T) {
	needTools(t)
	out, err := runCheck(t, repoRoot(t))
	if err != nil {
		t.Fatalf("schema-check fails on this repository: %v\n%s", err, out)
	}
}

func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// publish commits a version of the snapshot, and a CHANGELOG entry if
// changelog is set.
func publish(t *testing.T, dir, sdl string, changelog bool) {
	t.Helper()
	write(t, filepath.Join(dir, "schema", "published.graphql"), sdl)
	if changelog {
		f, err := os.OpenFile(filepath.Join(dir, "CHANGELOG.md"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			t.Fatal(err)
		}
		f.WriteString("- a schema change\n")
		f.Close()
	}
	git(t, dir, "add", "-A")
	git(t, dir, "commit", "-q", "-m", "publish")
}

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestPolicy(t *testing.T) {
	needTools(t)
	root := repoRoot(t)
	// The packages, installed once from the lock in the repository.
	if out, err := runCheck(t, root); err != nil {
		t.Fatalf("installing: %v\n%s", err, out)
	}
	const v1 = `"q" type Query { "a" a: Int "b" b: Int @deprecated(reason: "use a") "c" c: String }`
	for _, tc := range []struct {
		name      string
		next      string
		changelog bool
		wantFail  string // "" when the history keeps the policy
	}{
		{"an added field", `"q" type Query { "a" a: Int "b" b: Int @deprecated(reason: "use a") "c" c: String "d" d: Int }`, false, ""},
		{"a deprecated field removed", `"q" type Query { "a" a: Int "c" c: String }`, false, ""},
		{"a type changed, no changelog", `"q" type Query { "a" a: Int "b" b: Int @deprecated(reason: "use a") "c" c: Int }`, false, "does not update CHANGELOG.md"},
		{"a type changed, with changelog", `"q" type Query { "a" a: Int "b" b: Int @deprecated(reason: "use a") "c" c: Int }`, true, ""},
		{"an undeprecated field removed, with changelog", `"q" type Query { "b" b: Int @deprecated(reason: "use a") "c" c: String }`, true, "not deprecated first"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel() // each history is a repository of its own
			dir := t.TempDir()
			for _, f := range []string{"scripts/schema-check.sh", "tools/contract/package.json", "tools/contract/package-lock.json", "tools/contract/removals.mjs"} {
				b, err := os.ReadFile(filepath.Join(root, f))
				if err != nil {
					t.Fatal(err)
				}
				write(t, filepath.Join(dir, f), string(b))
			}
			if err := os.Symlink(filepath.Join(root, "tools", "contract", "node_modules"), filepath.Join(dir, "tools", "contract", "node_modules")); err != nil {
				t.Fatal(err)
			}
			write(t, filepath.Join(dir, ".gitignore"), "node_modules\n")
			git(t, dir, "init", "-q")
			publish(t, dir, v1, true)
			publish(t, dir, tc.next, tc.changelog)
			out, err := runCheck(t, dir)
			switch {
			case tc.wantFail == "" && err != nil:
				t.Fatalf("refused: %v\n%s", err, out)
			case tc.wantFail != "" && err == nil:
				t.Fatalf("allowed; want a refusal saying %q\n%s", tc.wantFail, out)
			case tc.wantFail != "" && !strings.Contains(out, tc.wantFail):
				t.Fatalf("refused without saying %q:\n%s", tc.wantFail, out)
			}
		})
	}
}
