// Package redact removes the data source's secrets from every string the
// backend hands to Grafana: query errors, frame notices and values, the
// health check, resource bodies, stream errors and log lines.
//
// A secret is found in any letter case, URL-encoded, JSON-escaped, hex or
// base64 encoded (standard and URL alphabets, padded or not, at any byte
// offset inside a longer encoded string), and as any run of MinRun or more
// consecutive characters of one of those forms, so an upstream that echoes
// a key cut short or with its case changed gives nothing away. Settings
// refuse secrets shorter than MinRun, which keeps ordinary words intact.
package redact

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"net/url"
	"slices"
	"strings"
)

// MinRun is the shortest run of a secret that is redacted, and so the
// shortest secret the settings accept.
const MinRun = 8

// Mask replaces every redacted run.
const Mask = "[redacted]"

// filterBits sizes the prefilter: one bit per hash of an 8-byte window.
// 2^16 bits (8 KiB) keep false positives rare for a few thousand windows.
const filterBits = 16

// Redactor is immutable and safe for concurrent use. The zero value and
// nil redact nothing.
type Redactor struct {
	// windows holds every MinRun-byte window of every form of every
	// secret, ASCII-lowercased and packed big-endian into a uint64,
	// sorted for binary search.
	windows []uint64
	// filter is a bitmap over hash(window): most positions of a text are
	// rejected by one load and one bit test.
	filter []uint64
}

// New precomputes the windows of the secrets. Empty secrets and secrets
// shorter than MinRun are ignored (the settings refuse the latter, so an
// instance with one never talks to a server).
func New(secrets ...string) *Redactor {
	set := map[uint64]struct{}{}
	for _, s := range secrets {
		s = strings.TrimSpace(s)
		if len(s) < MinRun {
			continue
		}
		for _, form := range forms(s) {
			lower := asciiLower([]byte(form))
			for i := 0; i+MinRun <= len(lower); i++ {
				set[pack(lower[i:])] = struct{}{}
			}
		}
	}
	if len(set) == 0 {
		return &Redactor{}
	}
	r := &Redactor{windows: make([]uint64, 0, len(set)), filter: make([]uint64, (1<<filterBits)/64)}
	for w := range set {
		r.windows = append(r.windows, w)
		h := hash(w)
		r.filter[h>>6] |= 1 << (h & 63)
	}
	slices.Sort(r.windows)
	return r
}

// forms are the spellings of a secret that may come back from a server or
// a log line. Case variants are covered by lowercasing; base64 is case
// sensitive but comparing it case-insensitively only widens the net.
func forms(s string) []string {
	out := []string{s, url.QueryEscape(s), url.PathEscape(s), hex.EncodeToString([]byte(s))}
	if b, err := json.Marshal(s); err == nil {
		out = append(out, string(b[1:len(b)-1]))
	}
	// Base64 of the secret at each of the three byte offsets it can have
	// inside a longer value ("Basic " + base64("user:" + key)); only the
	// characters that depend on the secret's bytes alone are kept.
	for off := 0; off < 3; off++ {
		buf := append(make([]byte, off), s...)
		full := len(buf) / 3 * 3
		start := 0
		if off > 0 {
			start = 3 // the first group mixes in bytes before the secret
		}
		if full <= start {
			continue
		}
		for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding} {
			out = append(out, enc.EncodeToString(buf[start:full]))
		}
	}
	return out
}

// String returns s with every run of a secret replaced by Mask. Text
// without a secret is returned as is, without allocating.
func (r *Redactor) String(s string) string {
	if r == nil || len(r.windows) == 0 || len(s) < MinRun {
		return s
	}
	spans := find(r, s)
	if spans == nil {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	for _, sp := range spans {
		b.WriteString(s[last:sp[0]])
		b.WriteString(Mask)
		last = sp[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// Bytes is String for a byte slice; b is returned unchanged (same slice)
// when it holds no secret.
func (r *Redactor) Bytes(b []byte) []byte {
	if r == nil || len(r.windows) == 0 || len(b) < MinRun {
		return b
	}
	spans := find(r, b)
	if spans == nil {
		return b
	}
	out := make([]byte, 0, len(b))
	last := 0
	for _, sp := range spans {
		out = append(out, b[last:sp[0]]...)
		out = append(out, Mask...)
		last = sp[1]
	}
	return append(out, b[last:]...)
}

// Contains reports whether s holds a run of a secret.
func (r *Redactor) Contains(s string) bool {
	return r != nil && len(r.windows) > 0 && len(s) >= MinRun && find(r, s) != nil
}

// Active reports whether there is anything to redact.
func (r *Redactor) Active() bool { return r != nil && len(r.windows) > 0 }

// find returns the merged [start, end) byte spans covered by matching
// windows, or nil. A rolling 8-byte word is tested against the prefilter
// at each position; only candidates are searched in the sorted windows.
func find[T string | []byte](r *Redactor, s T) [][2]int {
	var spans [][2]int
	var w uint64
	for i := 0; i < len(s); i++ {
		w = w<<8 | uint64(lowerTable[s[i]])
		if i < MinRun-1 {
			continue
		}
		h := hash(w)
		if r.filter[h>>6]&(1<<(h&63)) == 0 {
			continue
		}
		if _, ok := slices.BinarySearch(r.windows, w); !ok {
			continue
		}
		start, end := i+1-MinRun, i+1
		if n := len(spans); n > 0 && start <= spans[n-1][1] {
			spans[n-1][1] = end
		} else {
			spans = append(spans, [2]int{start, end})
		}
	}
	return spans
}

func hash(w uint64) uint64 { return (w * 0x9E3779B97F4A7C15) >> (64 - filterBits) }

func pack(b []byte) uint64 {
	var w uint64
	for _, c := range b[:MinRun] {
		w = w<<8 | uint64(c)
	}
	return w
}

// lowerTable folds ASCII letters without a branch in the scan loop.
var lowerTable = func() (t [256]byte) {
	for i := range t {
		t[i] = lowerByte(byte(i))
	}
	return t
}()

func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func asciiLower(b []byte) []byte {
	out := bytes.Clone(b)
	for i, c := range out {
		out[i] = lowerByte(c)
	}
	return out
}
