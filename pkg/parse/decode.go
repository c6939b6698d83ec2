package parse

import "encoding/json"

// decodeDoc is the opening every JSON reader shares:
//
//   - an empty body or an HTML page is an error in the document's words;
//   - a JSON object is decoded into the contract's shape D and handed to
//     exact, which returns the answer (ok), declines (another dialect:
//     generic reads the body) or fails with an error in the contract's
//     words;
//   - a syntax error ends the read, since no reader can do better.
//
// A strict reader (generic nil) reads the contract's shape only: every
// body is decoded into D and every decoding error is reported.
func decodeDoc[D, T any](doc string, body []byte, exact func(d *D, b []byte) (T, bool, error), generic func(b []byte) (T, error)) (T, error) {
	var zero T
	b := trimBody(body)
	if len(b) == 0 {
		return zero, &Error{Kind: KindEmpty, Doc: doc}
	}
	if IsHTML("", b) {
		return zero, &Error{Kind: KindHTML, Doc: doc}
	}
	if generic == nil || b[0] == '{' {
		var d D
		err := json.Unmarshal(b, &d)
		switch {
		case err == nil:
			out, ok, err := exact(&d, b)
			if ok || err != nil {
				return out, err
			}
		case generic == nil:
			return zero, malformed(doc, err)
		default:
			if serr := syntaxOnly(doc, err); serr != nil {
				return zero, serr
			}
		}
	}
	if generic == nil {
		return zero, shapef(doc, "it is not in the contract's shape")
	}
	return generic(b)
}

// strict adapts a reader of the contract's shape only to decodeDoc.
func strict[D, T any](read func(d *D) (T, error)) func(d *D, b []byte) (T, bool, error) {
	return func(d *D, _ []byte) (T, bool, error) {
		out, err := read(d)
		return out, true, err
	}
}
