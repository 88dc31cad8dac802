package reliability_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

type gqlAnswer struct {
	Status int
	Data   json.RawMessage
	Errors []struct {
		Message    string         `json:"message"`
		Path       []any          `json:"path"`
		Extensions map[string]any `json:"extensions"`
	}
	Took time.Duration
	Err  error // transport failure
	Body []byte
}

// Codes lists the errors' extensions.code, "" for an error without one.
func (a gqlAnswer) Codes() []string {
	var out []string
	for _, e := range a.Errors {
		c, _ := e.Extensions["code"].(string)
		out = append(out, c)
	}
	return out
}

func (a gqlAnswer) String() string {
	if a.Err != nil {
		return "transport error: " + a.Err.Error()
	}
	if len(a.Errors) == 0 {
		return fmt.Sprintf("%d data", a.Status)
	}
	return fmt.Sprintf("%d %s", a.Status, strings.Join(a.Codes(), ","))
}

func query(base, q string, vars map[string]any) gqlAnswer {
	body, err := json.Marshal(map[string]any{"query": q, "variables": vars})
	if err != nil {
		return gqlAnswer{Err: err}
	}
	start := time.Now()
	res, err := httpClient.Post(base+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		return gqlAnswer{Err: err, Took: time.Since(start)}
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	a := gqlAnswer{Status: res.StatusCode, Took: time.Since(start), Body: b}
	if err != nil {
		a.Err = err
		return a
	}
	if err := json.Unmarshal(b, &a); err != nil {
		a.Err = fmt.Errorf("not JSON (%v): %.200q", err, b)
	}
	return a
}

func getStatus(url string) (int, string, error) {
	res, err := httpClient.Get(url)
	if err != nil {
		return 0, "", err
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b), nil
}

// metric reads one unlabelled value from /metrics.
func metric(base, name string) (float64, error) {
	_, body, err := getStatus(base + "/metrics")
	if err != nil {
		return 0, err
	}
	for line := range strings.Lines(body) {
		if f := strings.Fields(line); len(f) == 2 && f[0] == name {
			return strconv.ParseFloat(f[1], 64)
		}
	}
	return 0, errors.New("no metric " + name)
}
