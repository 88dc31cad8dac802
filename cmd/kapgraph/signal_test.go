package main

import (
	"bufio"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServeSignals builds the real binary, as the README has users do,
// starts serve with --pidfile, and stops it with SIGINT and with SIGTERM:
// it must write its pid and bound address, print every page, answer, then
// exit 0 and remove the pidfile.
func TestServeSignals(t *testing.T) {
	if testing.Short() && os.Getenv("CI") != "true" { // never skipped in CI
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "kapgraph")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			pidfile := filepath.Join(dir, "kapgraph.pid")
			cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--pidfile", pidfile, "--log-format", "text")
			cmd.Env = append(os.Environ(), "NEO4J_URI=")
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer cmd.Process.Kill()
			lines := make(chan string, 64)
			go func() {
				sc := bufio.NewScanner(stdout)
				for sc.Scan() {
					lines <- sc.Text()
				}
				close(lines)
			}()
			var banner []string
			deadline := time.After(60 * time.Second)
		read:
			for {
				select {
				case l, ok := <-lines:
					if !ok {
						break read
					}
					banner = append(banner, l)
					if strings.Contains(l, "/metrics") { // the banner's last page
						break read
					}
				case <-deadline:
					t.Fatalf("no banner after 60 s: %q", banner)
				}
			}
			text := strings.Join(banner, "\n")
			for _, want := range []string{"pid " + strconv.Itoa(cmd.Process.Pid), "/explore", "/graphql", "/trapi/query", "/export/"} {
				if !strings.Contains(text, want) {
					t.Errorf("banner lacks %q:\n%s", want, text)
				}
			}
			data, err := os.ReadFile(pidfile)
			if err != nil {
				t.Fatalf("pidfile: %v", err)
			}
			f := strings.Fields(string(data))
			if len(f) != 2 || f[0] != strconv.Itoa(cmd.Process.Pid) || !strings.HasPrefix(f[1], "127.0.0.1:") || strings.HasSuffix(f[1], ":0") {
				t.Fatalf("pidfile holds %q, want the pid %d and the bound address", data, cmd.Process.Pid)
			}
			resp, err := http.Get("http://" + f[1] + "/healthz")
			if err != nil || resp.StatusCode != 200 {
				t.Fatalf("healthz at the pidfile's address: %v %v", resp, err)
			}
			resp.Body.Close()
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("serve after %s: %v, want exit status 0", sig, err)
				}
			case <-time.After(20 * time.Second):
				t.Fatalf("serve did not stop within 20 s of %s", sig)
			}
			if _, err := os.Stat(pidfile); !os.IsNotExist(err) {
				t.Errorf("pidfile still there after %s: %v", sig, err)
			}
		})
	}
}
