package fetch

import (
	"testing"
	"time"
)

func TestRobotsRules(t *testing.T) {
	const txt = `# comments and odd spacing are fine
User-agent: otherbot
Disallow: /

User-Agent: *
Disallow: /private
Allow: /private/press
Disallow: /*.pdf$
Disallow: /search?
Crawl-delay: 2

user-agent: whosaid
user-agent: friendbot
disallow: /drafts/
allow: /drafts/public$
`
	r := parseRobots([]byte(txt), Agent)
	cases := []struct {
		path string
		ok   bool
	}{
		{"/", true},
		{"/news/1", true},
		{"/private/x", true}, // our own group replaces "*"
		{"/drafts/x", false},
		{"/drafts/public", true},
		{"/drafts/public/more", false},
		{"/robots.txt", true},
	}
	for _, c := range cases {
		if got := r.allowed(c.path); got != c.ok {
			t.Errorf("whosaid %s: %v, want %v", c.path, got, c.ok)
		}
	}
	any := parseRobots([]byte(txt), "somebot")
	for _, c := range []struct {
		path string
		ok   bool
	}{
		{"/private", false},
		{"/private/press/1", true}, // longer Allow wins
		{"/files/a.pdf", false},
		{"/files/a.pdf?x=1", true}, // $ anchors the end
		{"/search?q=x", false},
		{"/search", true},
		{"/", true},
	} {
		if got := any.allowed(c.path); got != c.ok {
			t.Errorf("* %s: %v, want %v", c.path, got, c.ok)
		}
	}
	if any.delay != 2*time.Second || r.delay != 0 {
		t.Errorf("crawl delays %v %v", any.delay, r.delay)
	}
	if !parseRobots(nil, Agent).allowed("/anything") {
		t.Errorf("an empty robots.txt disallows")
	}
	if parseRobots([]byte("User-agent: *\nDisallow: /\n"), Agent).allowed("/a") {
		t.Errorf("Disallow: / allows")
	}
}

func TestRobotsMatch(t *testing.T) {
	for _, c := range []struct {
		pattern, path string
		want          bool
	}{
		{"/a", "/a", true},
		{"/a", "/ab", true},
		{"/a$", "/ab", false},
		{"/a$", "/a", true},
		{"/*/b", "/x/y/b/c", true},
		{"/*b$", "/xb", true},
		{"/*b$", "/xbc", false},
		{"*", "/anything", true},
		{"/a*$", "/a/b", true},
	} {
		if got := robotsMatch(c.pattern, c.path); got != c.want {
			t.Errorf("%q on %q: %v", c.pattern, c.path, got)
		}
	}
}
