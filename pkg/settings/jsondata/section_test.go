package jsondata

import "testing"

func TestSection(t *testing.T) {
	tests := []struct {
		name, jsonData, want string
		wantErr              bool
	}{
		{name: "empty jsonData", jsonData: "", want: ""},
		{name: "absent key", jsonData: `{"timeoutSeconds":5}`, want: ""},
		{name: "null value", jsonData: `{"slos":null}`, want: ""},
		{name: "present", jsonData: `{"slos":[{"id":"a"}]}`, want: `[{"id":"a"}]`},
		{name: "not an object", jsonData: `[1]`, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Section([]byte(tt.jsonData), "slos")
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if string(got) != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}
