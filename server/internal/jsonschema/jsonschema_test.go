package jsonschema

import (
	"encoding/json"
	"strings"
	"testing"
)

const doc = `{
  "components": {"schemas": {
    "Span": {"type": "object", "properties": {"start": {"type": "integer", "minimum": 0}, "text": {"type": "string", "minLength": 1}},
             "required": ["start", "text"], "additionalProperties": false},
    "Kind": {"type": "string", "enum": ["direct", "indirect"]},
    "Counts": {"type": "object", "additionalProperties": {"type": "integer"}},
    "Pair": {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2},
    "MaybeSpan": {"oneOf": [{"$ref": "#/components/schemas/Span"}, {"type": "null"}]},
    "Nullable": {"type": ["string", "null"], "description": "annotations are fine"},
    "Odd": {"type": "string", "pattern": "^a"}
  }}
}`

func TestValidate(t *testing.T) {
	var root any
	if err := json.Unmarshal([]byte(doc), &root); err != nil {
		t.Fatal(err)
	}
	v := New(root)
	cases := []struct {
		schema, value string
		wantErr       string // a part of the first error; "" for valid
	}{
		{"Span", `{"start": 3, "text": "said"}`, ""},
		{"Span", `{"start": 3}`, `required property "text"`},
		{"Span", `{"start": 3, "text": "x", "end": 4}`, `"end" is not in the schema`},
		{"Span", `{"start": -1, "text": "x"}`, "below the minimum"},
		{"Span", `{"start": 1.5, "text": "x"}`, "want integer"},
		{"Span", `{"start": 1, "text": ""}`, "at least 1"},
		{"Span", `[]`, "want object"},
		{"Kind", `"direct"`, ""},
		{"Kind", `"said"`, "not one of"},
		{"Counts", `{"2024-03": 2, "undated": 1}`, ""},
		{"Counts", `{"2024-03": "2"}`, "$.2024-03: the string"},
		{"Pair", `[1, 2]`, ""},
		{"Pair", `[1, 2, 3]`, "at most 2"},
		{"Pair", `[1]`, "at least 2"},
		{"Pair", `[1, "2"]`, "$[1]"},
		{"MaybeSpan", `null`, ""},
		{"MaybeSpan", `{"start": 0, "text": "x"}`, ""},
		{"MaybeSpan", `{"start": "0"}`, "matches 0 of the 2 oneOf"},
		{"Nullable", `null`, ""},
		{"Nullable", `"x"`, ""},
		{"Nullable", `3`, "want string or null"},
		{"Odd", `"abc"`, `uses "pattern"`},
	}
	for _, c := range cases {
		var val any
		if err := json.Unmarshal([]byte(c.value), &val); err != nil {
			t.Fatal(err)
		}
		errs := v.Validate(map[string]any{"$ref": "#/components/schemas/" + c.schema}, val)
		switch {
		case c.wantErr == "" && len(errs) > 0:
			t.Errorf("%s %s: %v, want valid", c.schema, c.value, errs)
		case c.wantErr != "" && (len(errs) == 0 || !strings.Contains(errs[0].Error(), c.wantErr)):
			t.Errorf("%s %s: %v, want an error with %q", c.schema, c.value, errs, c.wantErr)
		}
	}
	if errs := v.Validate(map[string]any{"$ref": "#/components/schemas/Nope"}, nil); len(errs) == 0 {
		t.Errorf("a reference to nothing passed")
	}
}
