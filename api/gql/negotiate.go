package gql

import (
	"mime"
	"strconv"
	"strings"
)

// negotiate picks the response media type from the Accept header values,
// following the GraphQL-over-HTTP spec: application/json when Accept is
// absent or matches only through wildcards (the legacy default that older
// clients rely on), application/graphql-response+json when the client
// prefers it, and ok=false (406) when neither is acceptable.
//
// Preference: the higher q wins; at equal q a more specific range wins
// (type/subtype over type/* over */*); at equal specificity the range the
// client listed first wins; a tie on the very same range (a wildcard)
// goes to application/json.
func negotiate(accept []string) (mediaType string, ok bool) {
	ranges := parseAccept(accept)
	if len(ranges) == 0 {
		return mediaJSON, true
	}
	type score struct {
		q           float64
		specificity int
		index       int
	}
	best := func(candidate string) (score, bool) {
		var s score
		found := false
		for i, r := range ranges {
			sp := r.matches(candidate)
			if sp < 0 {
				continue
			}
			// RFC 9110: the most specific matching range sets the
			// candidate's q; among equals, the first.
			if !found || sp > s.specificity {
				s = score{q: r.q, specificity: sp, index: i}
				found = true
			}
		}
		return s, found && s.q > 0
	}
	gr, grOK := best(mediaGraphQLResponse)
	js, jsOK := best(mediaJSON)
	switch {
	case !grOK && !jsOK:
		return "", false
	case !grOK:
		return mediaJSON, true
	case !jsOK:
		return mediaGraphQLResponse, true
	case gr.q != js.q:
		if gr.q > js.q {
			return mediaGraphQLResponse, true
		}
		return mediaJSON, true
	case gr.specificity != js.specificity:
		if gr.specificity > js.specificity {
			return mediaGraphQLResponse, true
		}
		return mediaJSON, true
	case gr.index < js.index:
		return mediaGraphQLResponse, true
	default:
		return mediaJSON, true
	}
}

// mediaRange is one element of an Accept header.
type mediaRange struct {
	typ, sub string
	charset  string
	q        float64
}

// matches reports how specifically r matches the media type mt (which we
// always produce in UTF-8): 2 exact, 1 type/*, 0 */*, -1 no match.
func (r mediaRange) matches(mt string) int {
	if r.charset != "" && !isUTF8(r.charset) {
		return -1
	}
	typ, sub, _ := strings.Cut(mt, "/")
	switch {
	case r.typ == "*" && r.sub == "*":
		return 0
	case r.typ == typ && r.sub == "*":
		return 1
	case r.typ == typ && r.sub == sub:
		return 2
	}
	return -1
}

// parseAccept parses Accept header values, skipping malformed ranges
// rather than failing the request over them.
func parseAccept(values []string) []mediaRange {
	var out []mediaRange
	for _, v := range values {
		for part := range strings.SplitSeq(v, ",") {
			part = strings.TrimSpace(part)
			if part == "" {
				continue
			}
			mt, params, err := mime.ParseMediaType(part)
			if err != nil {
				continue
			}
			typ, sub, ok := strings.Cut(mt, "/")
			if !ok || typ == "" || sub == "" {
				continue
			}
			r := mediaRange{typ: typ, sub: sub, q: 1, charset: params["charset"]}
			if qs, ok := params["q"]; ok {
				q, err := strconv.ParseFloat(qs, 64)
				if err != nil || q < 0 || q > 1 {
					continue
				}
				r.q = q
			}
			out = append(out, r)
		}
	}
	return out
}

func isUTF8(charset string) bool {
	return strings.EqualFold(charset, "utf-8") || strings.EqualFold(charset, "utf8")
}

// checkContentType reports whether a POST body's Content-Type is one the
// spec obliges us to take: application/json, in UTF-8 (stated or not).
// The reason is for the 415 message.
func checkContentType(ct string) (ok bool, reason string) {
	if strings.TrimSpace(ct) == "" {
		return false, "POST requests need Content-Type: application/json"
	}
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil {
		return false, "the Content-Type header could not be parsed"
	}
	if mt != mediaJSON {
		return false, "POST requests need Content-Type: application/json, not " + mt
	}
	if cs, ok := params["charset"]; ok && !isUTF8(cs) {
		return false, "request bodies must be UTF-8, not " + cs
	}
	return true, ""
}
