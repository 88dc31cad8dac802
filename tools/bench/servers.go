package bench

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"syscall"
	"time"

	"github.com/kapgraph/kapgraph/api/gql"
	"github.com/kapgraph/kapgraph/api/httpapi"
	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/internal/app"
)

// Handler is kapgraph's whole HTTP surface over store, built by the same
// constructor as `kapgraph serve`'s (app.NewServer).
func Handler(store graph.Store, logger *slog.Logger, timeout time.Duration) http.Handler {
	return app.NewServer(app.Config{
		HTTP:    httpapi.Config{RequestTimeout: timeout},
		GraphQL: gql.Options{Limits: gql.Limits{Introspection: true}},
	}, store, logger)
}

// Process is a server the benchmark started.
type Process struct {
	Name string
	Cmd  *exec.Cmd
	Log  string
	done chan struct{} // closed when the process has exited
}

// Start runs a server in the background with its output in logPath.
func Start(name, logPath string, env []string, bin string, args ...string) (*Process, error) {
	f, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdout, cmd.Stderr = f, f
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		f.Close()
		return nil, fmt.Errorf("starting %s: %w", name, err)
	}
	p := &Process{Name: name, Cmd: cmd, Log: logPath, done: make(chan struct{})}
	go func() { cmd.Wait(); f.Close(); close(p.done) }()
	return p, nil
}

// PID is the process id.
func (p *Process) PID() int { return p.Cmd.Process.Pid }

// Alive reports whether the process still runs.
func (p *Process) Alive() bool {
	select {
	case <-p.done:
		return false
	default:
		return true
	}
}

// Stop sends SIGTERM to the process (and its group), then SIGKILL after
// grace.
func (p *Process) Stop(grace time.Duration) {
	if p == nil || p.Cmd.Process == nil {
		return
	}
	pid := p.Cmd.Process.Pid
	syscall.Kill(-pid, syscall.SIGTERM)
	deadline := time.Now().Add(grace)
	for time.Now().Before(deadline) {
		if !p.Alive() {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	syscall.Kill(-pid, syscall.SIGKILL)
}

// WaitHTTP waits until url answers 200 (or the process dies, or timeout).
func WaitHTTP(ctx context.Context, p *Process, url string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		resp, err := httpClient.Do(req)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		if p != nil && !p.Alive() {
			return fmt.Errorf("%s exited before answering (see %s)", p.Name, p.Log)
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return fmt.Errorf("%s did not answer %s within %s (see %s)", p.Name, url, timeout, p.Log)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
