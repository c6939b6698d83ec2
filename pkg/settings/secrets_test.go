package settings

import (
	"strings"
	"testing"
)

func TestShortKeysRefused(t *testing.T) {
	for _, tt := range []struct {
		secure map[string]string
		want   string
	}{
		{map[string]string{"apiKey": "k"}, "the API key must be at least 8 characters (the saved one has 1)"},
		{map[string]string{"apiKey": " 1234567 "}, "the API key must be at least 8 characters (the saved one has 7)"},
		{map[string]string{"apiKey": "long-enough", "adminKey": "adm"}, "the admin key must be at least 8 characters (the saved one has 3)"},
	} {
		_, err := load(t, "http://h", `{}`, tt.secure)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%v: error %v, want %q…", tt.secure, err, tt.want)
		}
		for _, v := range tt.secure {
			if v = strings.TrimSpace(v); err != nil && strings.Contains(err.Error(), " "+v+" ") {
				t.Errorf("the message echoes the key: %v", err)
			}
		}
	}
	for _, secure := range []map[string]string{nil, {"apiKey": "12345678"}, {"apiKey": "", "adminKey": "  "}} {
		if _, err := load(t, "http://h", `{}`, secure); err != nil {
			t.Errorf("%v refused: %v", secure, err)
		}
	}
}

func TestRedactorFromSecrets(t *testing.T) {
	s, err := load(t, "http://h", `{}`, map[string]string{"apiKey": " Api-Key-0123456789 ", "adminKey": "Admin-Key-abcdef"})
	if err != nil {
		t.Fatal(err)
	}
	got := s.Redactor.String("api-key-0123 and ADMIN-KEY-ABC")
	if got != "[redacted] and [redacted]" {
		t.Fatalf("got %q", got)
	}
}
