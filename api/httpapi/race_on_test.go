//go:build race

package httpapi_test

// raceEnabled lets the heavier tests scale down under the race detector,
// which makes every request several times slower.
const raceEnabled = true
