package gql

import (
	"context"
	"testing"
	"time"

	"github.com/vektah/gqlparser/v2/gqlerror"
)

// TestCancelledErrorIsTimeout: a request whose time ran out before a
// response was made is a TIMEOUT, not an internal error (the reliability
// run's sustained load found it presented as INTERNAL_SERVER_ERROR, which
// is what an error made from the message alone still gets).
func TestCancelledErrorIsTimeout(t *testing.T) {
	deadline, cancel := context.WithTimeout(context.Background(), time.Nanosecond)
	defer cancel()
	<-deadline.Done()
	gone, stop := context.WithCancel(context.Background())
	stop()
	for name, ctx := range map[string]context.Context{"deadline": deadline, "cancelled": gone} {
		got := ErrorPresenter(context.Background(), cancelledError(ctx))
		if got.Extensions["code"] != CodeTimeout {
			t.Errorf("%s: code %v, want %s (%+v)", name, got.Extensions["code"], CodeTimeout, got)
		}
	}
	if got := ErrorPresenter(context.Background(), gqlerror.Errorf("the request was cancelled")); got.Extensions["code"] == CodeTimeout {
		t.Errorf("a message alone says nothing of the deadline, yet got %v", got.Extensions["code"])
	}
}
