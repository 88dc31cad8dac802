package memory

import (
	"strings"
	"unsafe"
)

// strArenaChunk is the size of an arena's blocks: above the largest
// small-object class (32 KiB), so that each block is a span of its own
// and shares it with no garbage.
const strArenaChunk = 64 << 10

// strArena copies short strings end to end into large blocks. The store
// keeps one for its loads (guarded by Store.mu): the short strings of a
// million-node load (ids, names, sections, tokens) then sit in a few
// thousand blocks instead of millions of allocations scattered among the
// load's garbage. A block lives while any string in it does; a document
// replaced later leaves its strings' bytes there, as many as it had.
type strArena struct {
	buf []byte // the free end of the current block
}

// copy is a copy of s in the arena. The bytes are never written again,
// which is what makes the string view of them safe.
func (a *strArena) copy(s string) string {
	if len(s) == 0 {
		return ""
	}
	if len(s) > strArenaChunk/8 {
		return strings.Clone(s) // a copy of its own
	}
	if len(s) > len(a.buf) {
		a.buf = make([]byte, strArenaChunk)
	}
	n := copy(a.buf, s)
	out := unsafe.String(&a.buf[0], n)
	a.buf = a.buf[n:len(a.buf):len(a.buf)]
	return out
}
