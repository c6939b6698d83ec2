package redact

import (
	"encoding/base64"
	"encoding/hex"
	"net/url"
	"strings"
	"testing"

	"github.com/appmon/monitoring/pkg/internal/leakyapi"
)

const (
	apiKey   = "Ak9-zQ/x+7Lm_Pw3R2tY"
	adminKey = "admin-Key-5e0c41ba"
)

func TestRedactsEverySpelling(t *testing.T) {
	r := New(apiKey, adminKey)
	std := base64.StdEncoding.EncodeToString
	cases := map[string]string{
		"as is":              "key " + apiKey + " rejected",
		"upper case":         "key " + strings.ToUpper(apiKey) + " rejected",
		"lower case":         "key " + strings.ToLower(apiKey) + " rejected",
		"first 8":            "key " + apiKey[:8] + "… rejected",
		"middle 9":           "key …" + apiKey[5:14] + "… rejected",
		"last 12 swapped":    "key …" + leakyapi.SwapCase(apiKey[len(apiKey)-12:]),
		"query escaped":      "GET /x?key=" + url.QueryEscape(apiKey) + "&a=1",
		"path escaped":       "GET /x/" + url.PathEscape(apiKey) + "/y",
		"base64 std":         "token " + std([]byte(apiKey)),
		"base64 url raw":     "token " + base64.RawURLEncoding.EncodeToString([]byte(apiKey)),
		"base64 in basic":    "Authorization: Basic " + std([]byte("user:"+apiKey)),
		"base64 offset 2":    "x " + std([]byte("ab"+apiKey+"trailing")),
		"hex upper":          "0x" + strings.ToUpper(hex.EncodeToString([]byte(apiKey))),
		"json escaped":       `{"error":"` + strings.ReplaceAll(apiKey, "/", `\/`) + `"}`,
		"admin key":          "admin " + adminKey,
		"admin key cut":      "admin " + strings.ToUpper(adminKey[3:13]),
		"admin key base64":   base64.URLEncoding.EncodeToString([]byte(adminKey)),
		"both keys adjacent": apiKey + adminKey,
	}
	for name, text := range cases {
		t.Run(name, func(t *testing.T) {
			got := r.String(text)
			if !strings.Contains(got, Mask) {
				t.Fatalf("nothing redacted in %q", got)
			}
			for _, s := range []string{apiKey, adminKey} {
				if leak := longestRun(strings.ToLower(got), strings.ToLower(s)); leak >= MinRun {
					t.Fatalf("%q still holds a %d-character run of a key", got, leak)
				}
			}
			if b := string(r.Bytes([]byte(text))); b != got {
				t.Fatalf("Bytes %q != String %q", b, got)
			}
		})
	}
}

func TestJSONEscapedForm(t *testing.T) {
	key := `k<e>y&"quoted"\x`
	r := New(key)
	got := r.String(`{"error":"k\u003ce\u003ey\u0026\"quoted\"\\x"}`)
	if got != `{"error":"`+Mask+`"}` {
		t.Fatalf("got %q", got)
	}
}

func TestLeavesOrdinaryTextAlone(t *testing.T) {
	r := New(apiKey, adminKey)
	for _, s := range []string{
		"the health check response is empty",
		"upstream returned 401 Unauthorized for /api/monitoring/metrics",
		apiKey[:7] + " is seven characters of the key",
		"",
		"short",
	} {
		if got := r.String(s); got != s {
			t.Errorf("String(%q) = %q", s, got)
		}
	}
	// No allocation and the same slice back when there is nothing to do.
	in := []byte("nothing secret here at all")
	if out := r.Bytes(in); &out[0] != &in[0] {
		t.Error("Bytes copied a clean slice")
	}
}

func TestMergesOverlappingRuns(t *testing.T) {
	r := New(apiKey)
	got := r.String("a " + apiKey + apiKey + " b " + apiKey[2:10] + " c")
	if want := "a " + Mask + " b " + Mask + " c"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestShortAndEmptySecretsIgnored(t *testing.T) {
	r := New("", "k", "  ", "1234567")
	if r.Active() {
		t.Fatal("secrets shorter than MinRun must not be needles")
	}
	if got := r.String("the health check k 1234567"); got != "the health check k 1234567" {
		t.Fatalf("got %q", got)
	}
	var nilR *Redactor
	if nilR.String("abcdefghij") != "abcdefghij" || nilR.Active() {
		t.Fatal("nil redactor must redact nothing")
	}
}

func TestErrorKeepsChain(t *testing.T) {
	r := New(apiKey)
	inner := &testErr{msg: "bad key " + apiKey}
	err := r.Error(inner)
	if strings.Contains(err.Error(), apiKey[:8]) {
		t.Fatalf("message not redacted: %q", err)
	}
	var te *testErr
	if !asTestErr(err, &te) {
		t.Fatal("errors.As lost the wrapped error")
	}
	clean := &testErr{msg: "fine"}
	if r.Error(clean) != error(clean) || r.Error(nil) != nil {
		t.Fatal("a clean error must be returned as is")
	}
}

// longestRun is the longest substring of needle found in s (quadratic;
// tests only).
func longestRun(s, needle string) int {
	best := 0
	for i := range needle {
		for j := i + best + 1; j <= len(needle); j++ {
			if !strings.Contains(s, needle[i:j]) {
				break
			}
			best = j - i
		}
	}
	return best
}
