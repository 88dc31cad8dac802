package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// Everything serve writes on stderr goes through one logger, so a log
// collector reading JSON never meets a plain line, and a person at a
// terminal reads text.
func TestServeLogsOneFormat(t *testing.T) {
	for _, tc := range []struct {
		format string
		json   bool
	}{
		{"auto", true}, // stderr here is a buffer, not a terminal
		{"json", true},
		{"text", false},
	} {
		var buf bytes.Buffer
		logger, err := newLogger(tc.format, &buf)
		if err != nil {
			t.Fatalf("%s: %v", tc.format, err)
		}
		w := logWriter{logger}
		w.Write([]byte("loaded A: 1 nodes\nloaded B: 2 nodes\n"))
		logger.Info("store ready", "store", "embedded")
		lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
		if len(lines) != 3 {
			t.Fatalf("%s: %d lines, want 3:\n%s", tc.format, len(lines), buf.String())
		}
		for _, l := range lines {
			var m map[string]any
			isJSON := json.Unmarshal([]byte(l), &m) == nil
			if isJSON != tc.json {
				t.Errorf("%s: line %q is JSON: %v", tc.format, l, isJSON)
			}
			if !tc.json && !strings.Contains(l, "level=INFO") {
				t.Errorf("%s: line %q is not slog text", tc.format, l)
			}
		}
	}
	_, err := newLogger("yaml", &bytes.Buffer{})
	var ue usageError
	if !errors.As(err, &ue) {
		t.Errorf("log format yaml: %v, want a usage error", err)
	}
}
