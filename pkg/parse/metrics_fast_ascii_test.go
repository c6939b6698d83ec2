package parse

import (
	"math/rand/v2"
	"testing"
)

// The eight-bytes-at-a-time check agrees with a byte-by-byte one, for
// every byte value at every position of a word.
func TestPlainASCIIAgreesBytewise(t *testing.T) {
	plain := func(s []byte) bool {
		for _, c := range s {
			if c < 0x20 || c >= 0x80 || c == '\\' {
				return false
			}
		}
		return true
	}
	r := rand.New(rand.NewPCG(5, 6))
	for n := range 20 {
		for pos := range n {
			for c := range 256 {
				s := make([]byte, n)
				for i := range s {
					s[i] = byte(0x20 + r.IntN(0x7f-0x20)) // printable
					if s[i] == '\\' {
						s[i] = 'x'
					}
				}
				s[pos] = byte(c)
				if got, want := plainASCII(s), plain(s); got != want {
					t.Fatalf("plainASCII(%q) = %v, want %v", s, got, want)
				}
			}
		}
	}
}
