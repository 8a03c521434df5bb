package fetch

import (
	"bufio"
	"bytes"
	"strconv"
	"strings"
	"time"
)

// robots is what a host's robots.txt (RFC 9309) asks of us: the rules of
// the groups that name our product token, else those of "*".
type robots struct {
	rules []robotsRule
	delay time.Duration // Crawl-delay, when given (not in the RFC, but common)
}

type robotsRule struct {
	allow   bool
	pattern string
}

// robotsLimit is how much of a robots.txt is read (the RFC asks crawlers
// to read at least 500 KiB).
const robotsLimit = 512 << 10

// parseRobots reads a robots.txt for the product token agent (lower case).
func parseRobots(body []byte, agent string) *robots {
	type group struct {
		agents []string
		rules  []robotsRule
		delay  time.Duration
	}
	var groups []*group
	var cur *group
	inAgents := false // the last line was a user-agent line
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(make([]byte, 0, 4096), robotsLimit)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		value = strings.TrimSpace(value)
		switch key {
		case "user-agent":
			if !inAgents || cur == nil {
				cur = &group{}
				groups = append(groups, cur)
			}
			cur.agents = append(cur.agents, strings.ToLower(value))
			inAgents = true
			continue
		case "allow", "disallow":
			if cur != nil && value != "" {
				cur.rules = append(cur.rules, robotsRule{allow: key == "allow", pattern: value})
			}
		case "crawl-delay":
			if cur != nil {
				if secs, err := strconv.ParseFloat(value, 64); err == nil && secs > 0 {
					cur.delay = time.Duration(min(secs, 60) * float64(time.Second))
				}
			}
		}
		inAgents = false
	}
	pick := func(match func(string) bool) *robots {
		var r *robots
		for _, g := range groups {
			for _, a := range g.agents {
				if match(a) {
					if r == nil {
						r = &robots{}
					}
					r.rules = append(r.rules, g.rules...)
					r.delay = max(r.delay, g.delay)
					break
				}
			}
		}
		return r
	}
	if r := pick(func(a string) bool { return a == agent }); r != nil {
		return r
	}
	if r := pick(func(a string) bool { return a == "*" }); r != nil {
		return r
	}
	return &robots{}
}

// allowed tells whether path (with its query) may be fetched: the longest
// matching rule decides, Allow winning a tie; no rule means yes.
func (r *robots) allowed(path string) bool {
	if path == "" {
		path = "/"
	}
	if path == "/robots.txt" {
		return true
	}
	best, allow := -1, true
	for _, rule := range r.rules {
		if n := len(rule.pattern); n >= best && robotsMatch(rule.pattern, path) {
			if n > best || rule.allow {
				allow = rule.allow
			}
			best = n
		}
	}
	return allow
}

// robotsMatch matches a robots.txt path pattern: a prefix, where "*"
// stands for any run of characters and a final "$" anchors the end.
func robotsMatch(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	pattern = strings.TrimSuffix(pattern, "$")
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(path, parts[0]) {
		return false
	}
	rest := path[len(parts[0]):]
	for i, p := range parts[1:] {
		if i == len(parts)-2 && anchored {
			return strings.HasSuffix(rest, p)
		}
		k := strings.Index(rest, p)
		if k < 0 {
			return false
		}
		rest = rest[k+len(p):]
	}
	return !anchored || rest == "" // anchored without "*": the whole path
}
