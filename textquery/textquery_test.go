package textquery

import (
	"fmt"
	"strings"
	"testing"

	"github.com/whosaid/whosaid"
)

func TestParse(t *testing.T) {
	cases := []struct{ in, want string }{
		{"strike", "strike"},
		{"  port   strike ", "(port strike)"},
		{"port AND strike", "(port strike)"},
		{"iran OR syria", "(iran OR syria)"},
		{"iran OR syria drones", "((iran OR syria) drones)"},
		{"iran NOT drones", "(iran -drones)"},
		{"iran -drones", "(iran -drones)"},
		{"-drones iran", "(-drones iran)"},
		{"drone*", "drone*"},
		{`"drone strike"*`, `"drone strike"*`},
		{`"cooling-off period" union`, `("cooling-off period" union)`},
		{"“curly quoted words”", `"curly quoted words"`},
		{`"one"`, "one"},
		{"(iran OR syria) -talks", "((iran OR syria) -talks)"},
		{"iran -(talks OR truce)", "(iran -(talks OR truce))"},
		{"cease-fire", "cease-fire"},
		{"US & Iran", "(US Iran)"},
		{"or and not", "(or and not)"},
		{"NOT x y", "(-x y)"},
		{"", "<nil>"},
		{"   ", "<nil>"},
	}
	for _, c := range cases {
		e, err := Parse(c.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", c.in, err)
			continue
		}
		got := "<nil>"
		if e != nil {
			got = e.String()
		}
		if got != c.want {
			t.Errorf("Parse(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct{ in, why string }{
		{"(", "not closed"},
		{"(iran", "not closed"},
		{"iran)", "closes nothing"},
		{"()", "empty parentheses"},
		{`"iran`, "quotation mark"},
		{"iran OR", "OR needs a word"},
		{"OR iran", "OR needs a word"},
		{"iran OR OR syria", "OR needs a word"},
		{"iran NOT", "NOT needs a word"},
		{"-drones", "only excludes"},
		{"NOT a NOT b", "only excludes"},
		{"iran (NOT drones)", "only excludes"},
		{"iran OR -drones", "OR needs a word"},
		{"AND iran", "AND needs a word"},
		{"&& ...", "no word"}, {"iran --", "NOT needs a word"},
	}
	for _, c := range cases {
		e, err := Parse(c.in)
		if whosaid.ErrorCode(err) != whosaid.EInvalid || !strings.Contains(err.Error(), c.why) || !strings.Contains(err.Error(), c.in) {
			t.Errorf("Parse(%q) = %v, %v; want EInvalid saying %q", c.in, e, err, c.why)
		}
	}
}

// FuzzParse: any input either parses into an expression whose printed
// form parses to the same, or is EInvalid; nothing panics.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"iran OR syria", `"a b" -c`, "(x (y OR z*))", "((", "-", `"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e, err := Parse(s)
		if err != nil {
			if whosaid.ErrorCode(err) != whosaid.EInvalid {
				t.Fatalf("Parse(%q): %v is not EInvalid", s, err)
			}
			return
		}
		if e == nil {
			return
		}
		again, err := Parse(e.String())
		if err != nil || again.String() != e.String() {
			t.Fatalf("Parse(%q) = %s, which parses to %v, %v", s, e, again, err)
		}
	})
}

func ExampleParse() {
	e, _ := Parse(`(iran OR syria) "drone strike" -talks withdraw*`)
	fmt.Println(e)
	_, err := Parse("(")
	fmt.Println(err)
	// Output:
	// ((iran OR syria) "drone strike" -talks withdraw*)
	// search query "(": a "(" is not closed (see `whosaid search --help` for the query language)
}

func TestPrefixStem(t *testing.T) {
	cases := []struct{ prefix, want string }{
		{"negotiat", "negoti"}, // negotiate, negotiation → negoti
		{"negot", "negot"},
		{"strik", "strik"},
		{"drone", "drone"},
		{"withdraw", "withdraw"},
		{"happi", "happi"},
		{"a", "a"},
	}
	for _, c := range cases {
		if got := PrefixStem(c.prefix); got != c.want {
			t.Errorf("PrefixStem(%q) = %q, want %q", c.prefix, got, c.want)
		}
		// Every word the prefix begins, stemmed, starts with the result.
		for _, w := range []string{c.prefix + "e", c.prefix + "ion", c.prefix + "ing"} {
			if st := Porter(w); len(st) >= len(c.want) && st[:len(c.want)] != c.want && len(c.prefix) > 2 {
				t.Errorf("Porter(%q) = %q does not start with %q", w, st, c.want)
			}
		}
	}
}
