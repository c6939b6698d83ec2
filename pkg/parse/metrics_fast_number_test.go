package parse

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// The short path gives bit for bit what strconv.ParseFloat gives, and
// declines what it cannot do exactly.
func TestShortDecimalAgreesWithParseFloat(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	check := func(s string) {
		want, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("bad case %q", s)
		}
		got, ok := shortDecimal([]byte(s))
		if !ok {
			return
		}
		if math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("shortDecimal(%q) = %v, strconv %v", s, got, want)
		}
	}
	for _, s := range []string{"0", "-0", "0.0", "-0.000", "1", "47.38", "13594096", "0.1", "0.3", "2.675", "999999999999999", "0.000000000000001", "-123.456"} {
		check(s)
	}
	for range 200000 {
		var b strings.Builder
		if r.IntN(4) == 0 {
			b.WriteByte('-')
		}
		n := 1 + r.IntN(17)
		point := r.IntN(n + 2) // past the end: an integer
		for i := range n {
			if i == point && i > 0 {
				b.WriteByte('.')
			}
			d := byte('0' + r.IntN(10))
			if i == 0 && (d == '0' && point != 1) {
				d = '1' // JSON has no leading zeros
			}
			b.WriteByte(d)
		}
		check(b.String())
	}
	for _, s := range []string{"1e5", "1.5E-3", "1234567890123456", "0.1234567890123456"} {
		if _, ok := shortDecimal([]byte(s)); ok {
			t.Errorf("shortDecimal took %q", s)
		}
	}
}
