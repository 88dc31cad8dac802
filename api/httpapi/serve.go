package httpapi

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// ServeOptions are the connection-level limits of Serve. Zero fields get
// the defaults below, chosen so that a slow or idle client cannot hold a
// connection (or its memory) for long, while a legitimate request has time
// to finish within Config.RequestTimeout.
type ServeOptions struct {
	ReadHeaderTimeout time.Duration // default 5 s: the slowloris guard
	ReadTimeout       time.Duration // default 15 s: headers and body
	WriteTimeout      time.Duration // default 30 s: keep above Config.RequestTimeout
	IdleTimeout       time.Duration // default 120 s between keep-alive requests
	MaxHeaderBytes    int           // default 64 KiB
	// ShutdownTimeout is how long in-flight requests may run once ctx is
	// cancelled; connections still open then are closed. Default 10 s.
	ShutdownTimeout time.Duration
	// OnListen, when set, is called with the bound address once the
	// listener is open and before any request is served, so that callers
	// (tests with ":0", cmd/ logging the port) learn where it is.
	OnListen func(addr net.Addr)
}

func (o ServeOptions) withDefaults() ServeOptions {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&o.ReadHeaderTimeout, 5*time.Second)
	def(&o.ReadTimeout, 15*time.Second)
	def(&o.WriteTimeout, 30*time.Second)
	def(&o.IdleTimeout, 120*time.Second)
	def(&o.ShutdownTimeout, 10*time.Second)
	if o.MaxHeaderBytes <= 0 {
		o.MaxHeaderBytes = 64 << 10
	}
	return o
}

// Serve listens on addr and serves h until ctx is cancelled, then shuts
// down gracefully: it stops accepting, lets in-flight requests finish for
// up to ShutdownTimeout, then closes what is left. It returns nil after a
// shutdown that drained in time, and an error when the listener could not
// be opened, the server failed, or the drain ran out of time.
//
// Requests run under a context that the cancellation of ctx does not
// reach, so a SIGTERM drains them instead of failing them; they still get
// Config.RequestTimeout from the handler.
func Serve(ctx context.Context, addr string, h http.Handler, logger *slog.Logger, opts ServeOptions) error {
	opts = opts.withDefaults()
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", addr)
	if err != nil {
		return fmt.Errorf("httpapi: listen on %s: %w", addr, err)
	}
	base := context.WithoutCancel(ctx)
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: opts.ReadHeaderTimeout,
		ReadTimeout:       opts.ReadTimeout,
		WriteTimeout:      opts.WriteTimeout,
		IdleTimeout:       opts.IdleTimeout,
		MaxHeaderBytes:    opts.MaxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return base },
	}
	logger.LogAttrs(ctx, slog.LevelInfo, "http server listening", slog.String("addr", ln.Addr().String()))
	if opts.OnListen != nil {
		opts.OnListen(ln.Addr())
	}

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	select {
	case err := <-served:
		// Serve returned on its own: the listener failed.
		return fmt.Errorf("httpapi: serve on %s: %w", ln.Addr(), err)
	case <-ctx.Done():
	}

	logger.LogAttrs(base, slog.LevelInfo, "http server shutting down",
		slog.Int64("drain_ms", opts.ShutdownTimeout.Milliseconds()))
	drainCtx, cancel := context.WithTimeout(base, opts.ShutdownTimeout)
	defer cancel()
	shutdownErr := srv.Shutdown(drainCtx)
	if shutdownErr != nil {
		// The drain ran out: cut the remaining connections so their
		// handlers see a cancelled context and the process can exit.
		_ = srv.Close()
	}
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("httpapi: serve on %s: %w", ln.Addr(), err)
	}
	if shutdownErr != nil {
		return fmt.Errorf("httpapi: graceful shutdown of %s: %w", ln.Addr(), shutdownErr)
	}
	logger.LogAttrs(base, slog.LevelInfo, "http server stopped")
	return nil
}
