package graph

import (
	"encoding/base64"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
)

// Limits every engine enforces, so a hostile or careless request costs a
// bounded amount whichever engine serves it.
const (
	DefaultPageSize = 20
	MaxPageSize     = 100
	MaxHopsCap      = 6
	DefaultMaxHops  = 4 // paths and shortestPath
	// DefaultMechanismHops: a receptor-to-outcome chain climbs several
	// levels, so mechanism paths default to the hop cap.
	DefaultMechanismHops = MaxHopsCap
	DefaultPathResults   = 10 // paths and mechanism paths
	DefaultSearchResults = 10
	DefaultDepth         = 1 // neighbourhood
	MaxDepth             = 3
	// MaxIDBytes bounds an id a request may name: no real id is longer,
	// and a longer one never reaches a store or an error message.
	MaxIDBytes          = 512
	DefaultNeighborhood = 100
	MaxNeighborhood     = 1000
	MaxPathResults      = 50
	// MaxEnumeratedPaths was the cap of the enumeration that ranked paths
	// before the best-first search (pathsearch.go) replaced it; no engine
	// enforces it now. bench chooses its path source under it so that
	// runs stay comparable with earlier ones.
	MaxEnumeratedPaths = 20000
	MaxSearchText      = 200
	MaxIDs             = 500
)

// PageSize is the size of a page as every layer takes a `first`
// argument: 0 is DefaultPageSize, a negative one is invalid, and one
// above MaxPageSize is over the limit. The resolvers pass `first` here
// as they got it.
func PageSize(first int) (int, error) {
	return clampFirst(first, DefaultPageSize, MaxPageSize, "first")
}

// clampFirst is the rule of every count a request may ask for: 0 is the
// default, negative is invalid, above max is over the limit.
func clampFirst(first, def, max int, what string) (int, error) {
	switch {
	case first == 0:
		return def, nil
	case first < 0:
		return 0, Errorf(EINVALID, "%s must be positive, got %d", what, first)
	case first > max:
		return 0, Errorf(ELIMIT, "%s is %d, above the limit of %d", what, first, max)
	}
	return first, nil
}

// CheckHops is the bound of maxHops every path search and engine takes:
// 0 is DefaultMaxHops, negative is invalid, above MaxHopsCap is over the
// limit.
func CheckHops(h int) (int, error) {
	switch {
	case h == 0:
		return DefaultMaxHops, nil
	case h < 0:
		return 0, Errorf(EINVALID, "maxHops must be positive, got %d", h)
	case h > MaxHopsCap:
		return 0, Errorf(ELIMIT, "maxHops is %d, above the limit of %d", h, MaxHopsCap)
	}
	return h, nil
}

// CheckID is the rule of an id a request names: present, and no longer
// than MaxIDBytes, so that an absurd one never reaches a store or an error
// message. what names the argument.
func CheckID(id, what string) error {
	if strings.TrimSpace(id) == "" {
		return Errorf(EINVALID, "%s is required", what)
	}
	return CheckIDLength(id, what)
}

// CheckIDLength is CheckID for an optional id: "" passes.
func CheckIDLength(id, what string) error {
	if len(id) > MaxIDBytes {
		return Errorf(EINVALID, "%s is %d bytes long, above the limit of %d", what, len(id), MaxIDBytes)
	}
	return nil
}

// checkVia checks an optional via node id.
func checkVia(id string) error {
	if id == "" {
		return nil
	}
	return CheckID(id, "via")
}

func defaultPredicates(ps []Predicate) ([]Predicate, error) {
	if err := CheckPredicates(ps); err != nil {
		return nil, err
	}
	if len(ps) == 0 {
		for _, p := range Predicates() {
			if p.Curated() {
				ps = append(ps, p)
			}
		}
	}
	ps = slices.Clone(ps)
	slices.Sort(ps)
	return slices.Compact(ps), nil
}

// Normalize validates q and fills defaults.
func (q NodeQuery) Normalize() (NodeQuery, error) {
	var err error
	if q.Category != "" && !q.Category.Valid() {
		return q, Errorf(EINVALID, "unknown category %q", string(q.Category))
	}
	switch q.OrderBy {
	case "":
		q.OrderBy = OrderByName
	case OrderByName, OrderByID, OrderByYear:
	default:
		return q, Errorf(EINVALID, "unknown order %q", string(q.OrderBy))
	}
	if q.First, err = PageSize(q.First); err != nil {
		return q, err
	}
	if len(q.NameContains) > MaxSearchText {
		return q, Errorf(ELIMIT, "nameContains is longer than %d bytes", MaxSearchText)
	}
	if q.After != "" {
		if _, err := DecodeCursor(q.After); err != nil {
			return q, err
		}
	}
	return q, nil
}

// Normalize validates q and fills defaults.
func (q EdgeQuery) Normalize() (EdgeQuery, error) {
	if q.Direction == "" {
		q.Direction = Both
	}
	switch q.Direction {
	case Out, In, Both:
	default:
		return q, Errorf(EINVALID, "unknown direction %q", string(q.Direction))
	}
	if err := CheckPredicates(q.Predicates); err != nil {
		return q, err
	}
	return q, nil
}

// Normalize validates q and fills defaults.
func (q NeighborhoodQuery) Normalize() (NeighborhoodQuery, error) {
	var err error
	if err = CheckID(q.ID, "id"); err != nil {
		return q, err
	}
	switch {
	case q.Depth == 0:
		q.Depth = DefaultDepth
	case q.Depth < 0:
		return q, Errorf(EINVALID, "depth must be positive, got %d", q.Depth)
	case q.Depth > MaxDepth:
		return q, Errorf(ELIMIT, "depth is %d, above the limit of %d", q.Depth, MaxDepth)
	}
	if q.Limit, err = clampFirst(q.Limit, DefaultNeighborhood, MaxNeighborhood, "limit"); err != nil {
		return q, err
	}
	q.Predicates, err = defaultPredicates(q.Predicates)
	return q, err
}

// Normalize validates q and fills defaults.
func (q PathQuery) Normalize() (PathQuery, error) {
	var err error
	if err = CheckID(q.From, "from"); err != nil {
		return q, err
	}
	if err = CheckID(q.To, "to"); err != nil {
		return q, err
	}
	if err = checkVia(q.Via); err != nil {
		return q, err
	}
	if q.MaxHops, err = CheckHops(q.MaxHops); err != nil {
		return q, err
	}
	if q.First, err = clampFirst(q.First, DefaultPathResults, MaxPathResults, "first"); err != nil {
		return q, err
	}
	if q.Modalities, err = CheckModalities(q.Modalities); err != nil {
		return q, err
	}
	q.Predicates, err = defaultPredicates(q.Predicates)
	return q, err
}

// Normalize validates q and fills defaults. A receptor-to-outcome chain
// climbs several levels, so mechanism paths default to the hop cap.
func (q MechanismPathQuery) Normalize() (MechanismPathQuery, error) {
	var err error
	if err = CheckID(q.From, "from"); err != nil {
		return q, err
	}
	if err = CheckIDLength(q.To, "to"); err != nil {
		return q, err
	}
	if err = checkVia(q.Via); err != nil {
		return q, err
	}
	if err = CheckIDLength(q.Disorder, "disorder"); err != nil {
		return q, err
	}
	if q.MaxHops == 0 {
		q.MaxHops = DefaultMechanismHops
	}
	if q.MaxHops, err = CheckHops(q.MaxHops); err != nil {
		return q, err
	}
	if q.First, err = clampFirst(q.First, DefaultPathResults, MaxPathResults, "first"); err != nil {
		return q, err
	}
	if q.Modalities, err = CheckModalities(q.Modalities); err != nil {
		return q, err
	}
	return q, nil
}

// Normalize validates q and fills defaults.
func (q SearchQuery) Normalize() (SearchQuery, error) {
	var err error
	q.Text = strings.TrimSpace(q.Text)
	if q.Text == "" {
		return q, Errorf(EINVALID, "search text is empty")
	}
	if len(q.Text) > MaxSearchText {
		return q, Errorf(ELIMIT, "search text is longer than %d bytes", MaxSearchText)
	}
	if len(SearchTokens(q.Text)) == 0 {
		return q, Errorf(EINVALID, "search text has no letters or digits")
	}
	for _, c := range q.Categories {
		if !c.Valid() {
			return q, Errorf(EINVALID, "unknown category %q", string(c))
		}
	}
	for _, k := range q.Kinds {
		if !slices.Contains(SearchKinds(), k) {
			return q, Errorf(EINVALID, "unknown search kind %q", string(k))
		}
	}
	byCategory := len(q.Categories) > 0
	if len(q.Kinds) == 0 {
		q.Kinds = []SearchKind{SearchEntity, SearchPassage, SearchReference}
		if !byCategory {
			q.Kinds = append(q.Kinds, SearchClaim)
		}
	}
	if !byCategory {
		for _, c := range Categories() {
			if c.Curated() || c == CategoryStudy || c == CategoryPassage {
				q.Categories = append(q.Categories, c)
			}
		}
	}
	// Node hits: the categories whose kind is asked for.
	q.Categories = slices.DeleteFunc(slices.Clone(q.Categories), func(c Category) bool {
		return !slices.Contains(q.Kinds, SearchKindOf(c))
	})
	slices.SortFunc(q.Kinds, func(a, b SearchKind) int { return slices.Index(SearchKinds(), a) - slices.Index(SearchKinds(), b) })
	q.Kinds = slices.Compact(q.Kinds)
	if q.First, err = clampFirst(q.First, DefaultSearchResults, MaxPageSize, "first"); err != nil {
		return q, err
	}
	return q, nil
}

// CheckIDs bounds a batch lookup: at most MaxIDs ids, each within
// MaxIDBytes.
func CheckIDs(ids []string) error {
	if len(ids) > MaxIDs {
		return Errorf(ELIMIT, "%d ids requested, above the limit of %d", len(ids), MaxIDs)
	}
	for _, id := range ids {
		if err := CheckIDLength(id, "an id of ids"); err != nil {
			return err
		}
	}
	return nil
}

// Cursor is the keyset position of a node in an ordered list.
type Cursor struct {
	Key string `json:"k"`
	ID  string `json:"i"`
}

// EncodeCursor makes an opaque cursor: base64 of the cursor's JSON. Every
// item of every page carries one, so the common case (key and id of plain
// ASCII that JSON writes unescaped) is written directly, byte for byte
// what json.Marshal writes; anything else goes through json.Marshal.
func EncodeCursor(c Cursor) string {
	if !plainJSON(c.Key) || !plainJSON(c.ID) {
		b, _ := json.Marshal(c)
		return base64.RawURLEncoding.EncodeToString(b)
	}
	b := make([]byte, 0, len(c.Key)+len(c.ID)+15)
	b = append(b, `{"k":"`...)
	b = append(b, c.Key...)
	b = append(b, `","i":"`...)
	b = append(b, c.ID...)
	b = append(b, `"}`...)
	return base64.RawURLEncoding.EncodeToString(b)
}

// plainJSON says whether json.Marshal writes s as itself in quotes:
// printable ASCII other than the quote, the backslash and the three
// characters it escapes for HTML (<, >, &).
func plainJSON(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c >= 0x7f, c == '"', c == '\\', c == '<', c == '>', c == '&':
			return false
		}
	}
	return true
}

// DecodeCursor reads a cursor made by EncodeCursor.
func DecodeCursor(s string) (Cursor, error) {
	var c Cursor
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || json.Unmarshal(b, &c) != nil || c.ID == "" {
		return c, Errorf(EINVALID, "malformed cursor %q", truncate(s, 40))
	}
	return c, nil
}

// SortKey is the value a node is ordered by under o. Keys compare as
// strings in every engine, so years are zero-padded.
func SortKey(n *Node, o NodeOrder) string {
	switch o {
	case OrderByID:
		return n.ID
	case OrderByYear:
		return strconv.Itoa(10000 + n.Year)
	}
	return strings.ToLower(n.Name)
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
