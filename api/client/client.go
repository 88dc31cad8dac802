package client

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/Khan/genqlient/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Accept is the Accept header the client sends. The GraphQL-over-HTTP
// media type comes first so that a request the server refuses as a whole
// (a validation error, a limit, an untrusted document) comes back with a
// 4xx status rather than as a 200; application/json stays acceptable for
// servers, or proxies, that only speak the legacy type.
const Accept = "application/graphql-response+json, application/json;q=0.9"

// New returns a client of the kapgraph server at baseURL (e.g.
// http://localhost:8080; the GraphQL endpoint /graphql is added unless
// baseURL already ends with it), for the generated operations of this
// package. httpClient carries timeouts, proxies and authentication; nil
// means http.DefaultClient.
func New(baseURL string, httpClient *http.Client) (graphql.Client, error) {
	u, err := url.Parse(strings.TrimSpace(baseURL))
	if err != nil {
		return nil, fmt.Errorf("client: parsing the server URL %q: %w", baseURL, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return nil, fmt.Errorf("client: the server URL %q must be absolute, http or https", baseURL)
	}
	if !strings.HasSuffix(u.Path, "/graphql") {
		u.Path = strings.TrimSuffix(u.Path, "/") + "/graphql"
	}
	if httpClient == nil {
		httpClient = http.DefaultClient
	}
	return graphql.NewClient(u.String(), acceptDoer{httpClient}), nil
}

// acceptDoer adds the Accept header to every request: genqlient sets
// only Content-Type.
type acceptDoer struct{ c *http.Client }

func (d acceptDoer) Do(req *http.Request) (*http.Response, error) {
	req.Header.Set("Accept", Accept)
	return d.c.Do(req)
}

// ErrorCode is the extensions.code of the first GraphQL error in err
// (e.g. NOT_FOUND, BAD_USER_INPUT, PERSISTED_QUERY_NOT_ALLOWED), whether
// the server answered with a 200 and errors or refused the request with a
// 4xx; "" when err carries no GraphQL error. Programs branch on the code,
// never on the message.
func ErrorCode(err error) string {
	for _, e := range GraphQLErrors(err) {
		if code, ok := e.Extensions["code"].(string); ok {
			return code
		}
	}
	return ""
}

// GraphQLErrors are the GraphQL errors err carries, from a response with
// data and errors or from a refused request; nil when it carries none
// (e.g. a network error).
func GraphQLErrors(err error) gqlerror.List {
	if list, ok := errors.AsType[gqlerror.List](err); ok {
		return list
	}
	if httpErr, ok := errors.AsType[*graphql.HTTPError](err); ok {
		return httpErr.Response.Errors
	}
	if e, ok := errors.AsType[*gqlerror.Error](err); ok {
		return gqlerror.List{e}
	}
	return nil
}
