package leakyapi

import (
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"net/url"
	"strings"
)

// MinRun is the shortest run of a key that counts as a leak.
const MinRun = 8

// Leaks decodes text the ways someone reading it could (as is, URL
// unescaped, base64 in both alphabets at every offset, hex) and reports
// each key of which a run of MinRun or more characters shows up in any
// case. It shares no code with the redactor it checks. Reports name the
// key and the decoding, never the key itself.
func Leaks(text string, keys map[string]string) []string {
	var out []string
	views := decodings(text)
	for name, key := range keys {
		if len(key) < MinRun {
			continue
		}
		runs := map[string]bool{}
		lk := strings.ToLower(key)
		for i := 0; i+MinRun <= len(lk); i++ {
			runs[lk[i:i+MinRun]] = true
		}
		for how, v := range views {
			v = strings.ToLower(v)
			for i := 0; i+MinRun <= len(v); i++ {
				if runs[v[i:i+MinRun]] {
					out = append(out, fmt.Sprintf("the %s (%s, at byte %d)", name, how, i))
					break
				}
			}
		}
	}
	return out
}

func decodings(text string) map[string]string {
	views := map[string]string{"as is": text}
	if u, err := url.QueryUnescape(text); err == nil {
		views["URL-unescaped"] = u
	} else {
		views["URL-unescaped"] = unescapeTokens(text)
	}
	var b64, hx strings.Builder
	for _, tok := range fieldsOf(text, isBase64) {
		std := strings.NewReplacer("-", "+", "_", "/").Replace(strings.TrimRight(tok, "="))
		for off := 0; off < 4 && off < len(std); off++ {
			s := std[off:]
			if len(s)%4 == 1 {
				s = s[:len(s)-1]
			}
			if d, err := base64.RawStdEncoding.DecodeString(s); err == nil {
				b64.Write(d)
				b64.WriteByte(0)
			}
		}
	}
	for _, tok := range fieldsOf(text, isHex) {
		for off := 0; off < 2 && off < len(tok); off++ {
			s := tok[off:]
			if d, err := hex.DecodeString(s[:len(s)/2*2]); err == nil {
				hx.Write(d)
				hx.WriteByte(0)
			}
		}
	}
	views["base64-decoded"], views["hex-decoded"] = b64.String(), hx.String()
	return views
}

func unescapeTokens(text string) string {
	toks := strings.Fields(text)
	for i, t := range toks {
		if u, err := url.PathUnescape(t); err == nil {
			toks[i] = u
		}
	}
	return strings.Join(toks, " ")
}

func fieldsOf(s string, keep func(byte) bool) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i < len(s) && keep(s[i]) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && i-start >= MinRun {
			out = append(out, s[start:i])
		}
		start = -1
	}
	return out
}

func isBase64(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '+' || c == '/' || c == '-' || c == '_' || c == '='
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
