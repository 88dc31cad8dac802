package extract

// symptomsOf: the object b is a "symptoms of" / "signs of" phrase whose
// complement is an argument of its own ("relieve the autonomic symptoms
// of withdrawal", "no effect on the core symptoms of PTSD"): the claim is
// about that argument, which it returns. The head names only an aspect
// of it.
func symptomsOf(ts []token, args []Mention, b Mention) (Mention, bool) {
	if b.last+1 >= len(ts) || ts[b.last].low != "of" || ts[b.last].punctBefore != "" {
		return Mention{}, false
	}
	switch ts[b.last-1].low {
	case "symptoms", "signs":
	default:
		return Mention{}, false
	}
	for _, c := range args {
		if c.first == b.last+1 && c.ID != b.ID {
			return c, true
		}
	}
	return Mention{}, false
}
