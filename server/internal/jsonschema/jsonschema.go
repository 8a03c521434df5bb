// Package jsonschema checks JSON values against the part of JSON Schema
// (2020-12, as OpenAPI 3.1 uses it) that whosaid's API document uses:
// type (one or a list), properties, required, additionalProperties,
// items, minItems, maxItems, enum, minimum, maximum, minLength, oneOf and
// local $ref. A keyword outside that part is an error, not silently
// ignored, so the document cannot claim what nothing checks.
package jsonschema

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode/utf8"
)

// annotations are keywords that describe and constrain nothing.
var annotations = map[string]bool{"description": true, "title": true, "format": true, "example": true, "examples": true, "default": true, "deprecated": true}

// Validator checks values against schemas of one document, whose $refs
// ("#/components/schemas/X") it resolves.
type Validator struct {
	root any
}

// New returns a validator for the document doc (decoded JSON).
func New(doc any) *Validator { return &Validator{root: doc} }

// Validate checks v (decoded JSON, numbers as float64 or json.Number)
// against schema and returns every violation, each with its JSON path.
func (x *Validator) Validate(schema, v any) []error {
	var errs []error
	x.check(schema, v, "$", &errs, 0)
	return errs
}

func (x *Validator) check(schema, v any, at string, errs *[]error, depth int) {
	fail := func(format string, args ...any) {
		*errs = append(*errs, fmt.Errorf("%s: %s", at, fmt.Sprintf(format, args...)))
	}
	if depth > 64 {
		fail("schema nesting too deep (a $ref cycle?)")
		return
	}
	s, ok := schema.(map[string]any)
	if !ok {
		if b, isBool := schema.(bool); isBool {
			if !b {
				fail("no value is allowed here")
			}
			return
		}
		fail("the schema is not an object")
		return
	}
	for k := range s {
		switch k {
		case "$ref", "type", "properties", "required", "additionalProperties", "items", "minItems", "maxItems", "enum", "minimum", "maximum", "minLength", "oneOf":
		default:
			if !annotations[k] {
				fail("the schema uses %q, which this validator does not check", k)
			}
		}
	}
	if ref, ok := s["$ref"].(string); ok {
		target, err := x.resolve(ref)
		if err != nil {
			fail("%v", err)
			return
		}
		x.check(target, v, at, errs, depth+1)
	}
	if t, ok := s["type"]; ok {
		var types []string
		switch t := t.(type) {
		case string:
			types = []string{t}
		case []any:
			for _, e := range t {
				if es, ok := e.(string); ok {
					types = append(types, es)
				}
			}
		}
		if !hasType(v, types) {
			fail("%s, want %s", describe(v), strings.Join(types, " or "))
			return
		}
	}
	if enum, ok := s["enum"].([]any); ok {
		found := false
		for _, e := range enum {
			if equal(e, v) {
				found = true
				break
			}
		}
		if !found {
			fail("%s is not one of %v", describe(v), enum)
		}
	}
	if one, ok := s["oneOf"].([]any); ok {
		n := 0
		var first []error
		for _, sub := range one {
			var subErrs []error
			x.check(sub, v, at, &subErrs, depth+1)
			if len(subErrs) == 0 {
				n++
			} else if first == nil {
				first = subErrs
			}
		}
		if n != 1 {
			fail("matches %d of the %d oneOf schemas, want exactly 1 (first mismatch: %v)", n, len(one), first)
		}
	}
	switch val := v.(type) {
	case map[string]any:
		x.object(s, val, at, errs, depth)
	case []any:
		if min, ok := number(s["minItems"]); ok && float64(len(val)) < min {
			fail("%d items, want at least %v", len(val), min)
		}
		if max, ok := number(s["maxItems"]); ok && float64(len(val)) > max {
			fail("%d items, want at most %v", len(val), max)
		}
		if items, ok := s["items"]; ok {
			for i, e := range val {
				x.check(items, e, fmt.Sprintf("%s[%d]", at, i), errs, depth+1)
			}
		}
	case string:
		if min, ok := number(s["minLength"]); ok && float64(utf8.RuneCountInString(val)) < min {
			fail("%d characters, want at least %v", utf8.RuneCountInString(val), min)
		}
	default:
		if f, ok := number(v); ok {
			if min, ok := number(s["minimum"]); ok && f < min {
				fail("%v is below the minimum %v", f, min)
			}
			if max, ok := number(s["maximum"]); ok && f > max {
				fail("%v is above the maximum %v", f, max)
			}
		}
	}
}

func (x *Validator) object(s map[string]any, v map[string]any, at string, errs *[]error, depth int) {
	props, _ := s["properties"].(map[string]any)
	if req, ok := s["required"].([]any); ok {
		for _, r := range req {
			name, _ := r.(string)
			if _, ok := v[name]; !ok {
				*errs = append(*errs, fmt.Errorf("%s: the required property %q is missing", at, name))
			}
		}
	}
	keys := make([]string, 0, len(v))
	for k := range v {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	extra, hasExtra := s["additionalProperties"]
	for _, k := range keys {
		if sub, ok := props[k]; ok {
			x.check(sub, v[k], at+"."+k, errs, depth+1)
			continue
		}
		if hasExtra {
			if b, ok := extra.(bool); ok && !b {
				*errs = append(*errs, fmt.Errorf("%s: the property %q is not in the schema", at, k))
				continue
			}
			x.check(extra, v[k], at+"."+k, errs, depth+1)
		}
	}
}

// resolve finds a local reference ("#/a/b").
func (x *Validator) resolve(ref string) (any, error) {
	if !strings.HasPrefix(ref, "#/") {
		return nil, fmt.Errorf("only local references are supported, not %q", ref)
	}
	cur := x.root
	for _, part := range strings.Split(ref[2:], "/") {
		part = strings.ReplaceAll(strings.ReplaceAll(part, "~1", "/"), "~0", "~")
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("reference %q: %q is not inside an object", ref, part)
		}
		if cur, ok = m[part]; !ok {
			return nil, fmt.Errorf("reference %q: no %q", ref, part)
		}
	}
	return cur, nil
}

func hasType(v any, types []string) bool {
	for _, t := range types {
		switch t {
		case "null":
			if v == nil {
				return true
			}
		case "boolean":
			if _, ok := v.(bool); ok {
				return true
			}
		case "string":
			if _, ok := v.(string); ok {
				return true
			}
		case "object":
			if _, ok := v.(map[string]any); ok {
				return true
			}
		case "array":
			if _, ok := v.([]any); ok {
				return true
			}
		case "number":
			if _, ok := number(v); ok {
				return true
			}
		case "integer":
			if f, ok := number(v); ok && f == math.Trunc(f) && !math.IsInf(f, 0) {
				return true
			}
		}
	}
	return false
}

// number reads a JSON number (float64 or json.Number).
func number(v any) (float64, bool) {
	switch n := v.(type) {
	case float64:
		return n, true
	case json.Number:
		f, err := n.Float64()
		return f, err == nil
	case int:
		return float64(n), true
	}
	return 0, false
}

func equal(a, b any) bool {
	if fa, ok := number(a); ok {
		fb, ok := number(b)
		return ok && fa == fb
	}
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return string(ja) == string(jb)
}

func describe(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case bool:
		return fmt.Sprintf("the boolean %v", v)
	case string:
		if len(v) > 40 {
			v = v[:40] + "…"
		}
		return fmt.Sprintf("the string %q", v)
	case map[string]any:
		return "an object"
	case []any:
		return "an array"
	}
	if f, ok := number(v); ok {
		return fmt.Sprintf("the number %v", f)
	}
	return fmt.Sprintf("%T", v)
}
