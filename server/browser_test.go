package server

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/internal/testshared"
	"github.com/whosaid/whosaid/wire"
)

// The browser tests drive Debian's chromium through chromedp: they skip
// where it is not installed, and fail under CI=true, which installs it.
// Screenshots go to $WHOSAID_SCREENSHOTS (default: a folder in the
// temporary directory); they are looked at, not compared.

// chromium starts a headless browser with a fresh profile and returns a
// context for a tab in it.
func chromium(t *testing.T) context.Context {
	t.Helper()
	var path string
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		testshared.Missing(t, "no chromium on PATH: the browser tests need it (apt-get install chromium)")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(acancel)
	bctx, bcancel := chromedp.NewContext(actx)
	t.Cleanup(bcancel)
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	return bctx
}

// screenshotDir is where screenshots go.
func screenshotDir(t *testing.T) string {
	dir := os.Getenv("WHOSAID_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "whosaid-screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	b, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	path := filepath.Join(screenshotDir(t), name+".png")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

func must(t *testing.T, err error, what string) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	must(t, err, js)
	return v
}

// watchPage counts, on every page the tab opens, violations of the
// Content-Security-Policy and uncaught errors: a hostile text that got
// past the escaping would show as one or the other.
const watchPage = `window.__violations = []; window.__errors = [];
document.addEventListener("securitypolicyviolation", function (e) { window.__violations.push(e.violatedDirective + " " + e.blockedURI); });
window.addEventListener("error", function (e) { window.__errors.push(String(e.message)); });`

func TestBrowser(t *testing.T) {
	ctx := chromium(t)
	f := newFixture(t)
	id := f.ids(t)
	ts := f.serve(t, Config{})
	_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: watchPage})
	must(t, err, "installing the page watch")
	_, err = chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
	must(t, err, "focus emulation")
	clean := func(t *testing.T, what string) {
		t.Helper()
		if v := eval[[]string](t, ctx, `window.__violations`); len(v) > 0 {
			t.Errorf("%s: Content-Security-Policy violations %v", what, v)
		}
		if e := eval[[]string](t, ctx, `window.__errors`); len(e) > 0 {
			t.Errorf("%s: script errors %v", what, e)
		}
	}

	t.Run("Search", func(t *testing.T) {
		must(t, chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/")), "opening the search page")
		// "/" jumps to the query box; typing and Enter search.
		must(t, chromedp.Do(ctx, pressSlash()), "pressing /")
		if focused := eval[string](t, ctx, `document.activeElement.id`); focused != "q" {
			t.Fatalf(`"/" focused %q, want the query box`, focused)
		}
		_, err := chromedp.RunResponse(ctx, chromedp.KeyEvent("strike\r"))
		must(t, err, "searching")
		must(t, chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("li.result"))), "waiting for results")
		if q := eval[string](t, ctx, `new URL(location.href).searchParams.get("q")`); q != "strike" {
			t.Errorf("the form sent q=%q", q)
		}
		words := eval[[]string](t, ctx, `Array.from(document.querySelectorAll("li.result .words")).map(e => e.textContent)`)
		speakers := eval[[]string](t, ctx, `Array.from(document.querySelectorAll("li.result .speaker")).map(e => e.textContent)`)
		if len(words) != 2 || len(speakers) != 2 || !strings.Contains(strings.Join(speakers, ","), "Demirel") {
			t.Errorf("results: %q by %q; want the two statements of the strike article, by Demirel", words, speakers)
		}
		screenshot(t, ctx, "search")
		clean(t, "search page")
		// j, j, k: down twice, up once; Enter opens the focused one in
		// its article.
		must(t, chromedp.Do(ctx, chromedp.KeyEvent("j"), chromedp.KeyEvent("j"), chromedp.KeyEvent("k")), "moving with j/k")
		focused := eval[string](t, ctx, `document.activeElement.dataset.statement || ""`)
		first := eval[string](t, ctx, `document.querySelector("li.result").dataset.statement`)
		if focused == "" || focused != first {
			t.Fatalf("after j j k the focus is on %q, want the first result %q", focused, first)
		}
		_, err = chromedp.RunResponse(ctx, chromedp.KeyEvent("\r"))
		must(t, err, "opening the article with Enter")
		loc := eval[string](t, ctx, `location.pathname + location.hash`)
		if want := "/articles/" + strings.Split(first, "-")[0] + "#s-" + first; loc != want {
			t.Errorf("Enter went to %q, want %q", loc, want)
		}
	})

	t.Run("Article", func(t *testing.T) {
		_, b := get(t, ts, "/api/v1/articles/"+id.a1)
		var a wire.Article
		must(t, json.Unmarshal(b, &a), "the article's JSON")
		target := a.Statements[0].ID
		must(t, chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/articles/"+id.a1+"#s-"+target)), "opening the article")
		for i, st := range a.Statements {
			n := i + 1
			for _, part := range []struct {
				class string
				span  *wire.Span
			}{{"hl-src", st.Source}, {"hl-cue", st.Cue}, {"hl-content", st.Content}} {
				if part.span == nil {
					continue
				}
				got := eval[string](t, ctx, fmt.Sprintf(`Array.from(document.querySelectorAll(".article-text .%s")).filter(e => e.dataset.s.split(" ").includes("%d")).map(e => e.textContent).join("")`, part.class, n))
				want := part.span.Text
				if part.class == "hl-content" && len(part.span.Fragments) > 1 {
					runes := []rune(a.Text)
					want = ""
					for _, fr := range part.span.Fragments {
						want += string(runes[fr[0]:fr[1]])
					}
				}
				if got != want {
					t.Errorf("statement %d: the %s highlight reads %q, want %q", n, part.class, got, want)
				}
			}
		}
		// Not by colour alone: weight, slant and a line tell the parts apart.
		styles := eval[map[string]string](t, ctx, `(() => {
			const s = c => getComputedStyle(document.querySelector(".article-text ." + c));
			return {src: s("hl-src").fontWeight, cue: s("hl-cue").fontStyle, content: s("hl-content").borderBottomStyle};
		})()`)
		if styles["src"] < "600" || styles["cue"] != "italic" || styles["content"] != "solid" {
			t.Errorf("highlight styles %v: want bold source, italic cue, underlined content", styles)
		}
		if n := eval[int](t, ctx, `document.querySelectorAll(".article-text .hl.target").length`); n == 0 {
			t.Errorf("the statement in the address is not marked in the text")
		}
		if raw := eval[string](t, ctx, `document.querySelector("a.raw").getAttribute("href")`); raw != "/api/v1/articles/"+id.a1+"/raw" {
			t.Errorf("raw copy link %q", raw)
		}
		screenshot(t, ctx, "article")
		clean(t, "article page")
	})

	t.Run("Speaker", func(t *testing.T) {
		// The chart counts what a search shows: the newest version of
		// each article, by the day said or else published.
		perMonth := map[string]int{}
		must(t, f.store.Export(context.Background(), whosaid.StatementQuery{Speaker: id.demirel}, func(h whosaid.StatementHit) error {
			switch {
			case h.SaidOn != nil:
				perMonth[h.SaidOn.Format("2006-01")]++
			case h.Published != nil:
				perMonth[h.Published.Format("2006-01")]++
			}
			return nil
		}), "the speaker's statements")
		dated := 0
		for _, n := range perMonth {
			dated += n
		}
		must(t, chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/speakers/"+id.demirel)), "opening the speaker")
		bars := eval[[]map[string]any](t, ctx, `Array.from(document.querySelectorAll("svg.timeline rect.bar")).map(r => {
			const b = r.getBBox(); return {month: r.dataset.month, n: Number(r.dataset.n), h: b.height, w: b.width, fill: getComputedStyle(r).fill};
		})`)
		if len(bars) == 0 {
			t.Fatalf("the timeline drew no bars")
		}
		total := 0
		for _, b := range bars {
			total += int(b["n"].(float64))
			if b["h"].(float64) <= 0 || b["w"].(float64) <= 0 || b["fill"] == "none" || b["fill"] == "" {
				t.Errorf("bar %v is not drawn", b)
			}
		}
		if total != dated || dated == 0 {
			t.Errorf("the bars add up to %d statements, the speaker has %d dated", total, dated)
		}
		if months := eval[int](t, ctx, `new Set(Array.from(document.querySelectorAll("svg.timeline rect.bar")).map(r => r.dataset.month)).size`); months != len(perMonth) {
			t.Errorf("bars in %d months, the speaker has statements in %d", months, len(perMonth))
		}
		label := eval[string](t, ctx, `(() => { const s = document.querySelector("svg.timeline"); return s.getAttribute("role") + ": " + s.querySelector("title").textContent + " / " + s.querySelector("desc").textContent; })()`)
		if !strings.HasPrefix(label, "img: Statements per month") || !strings.Contains(label, "busiest month") {
			t.Errorf("the chart's accessible name and description: %q", label)
		}
		co := eval[[]string](t, ctx, `Array.from(document.querySelectorAll(".co-list a")).map(a => a.textContent)`)
		if !strings.Contains(strings.Join(co, ","), "Aylin Kaya") {
			t.Errorf("named with Demirel: %q, want Aylin Kaya", co)
		}
		if n := eval[int](t, ctx, `document.querySelectorAll(".latest li.result").length`); n == 0 || n > latestCount {
			t.Errorf("%d latest statements", n)
		}
		screenshot(t, ctx, "speaker")
		clean(t, "speaker page")
	})

	t.Run("Citation", func(t *testing.T) {
		origin := ts.URL
		for _, name := range []string{"clipboard-read", "clipboard-write"} {
			_, err := chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{
				Permission: &browser.PermissionDescriptor{Name: name, AllowWithoutSanitization: true}, Setting: "granted", Origin: origin})
			must(t, err, "granting "+name)
		}
		must(t, chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/?q=strike")), "opening the search")
		must(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS("li.result details.cite summary"))), "opening the citation")
		shown := eval[string](t, ctx, `document.querySelector("li.result .cite-out").value`)
		hitID := eval[string](t, ctx, `document.querySelector("li.result").dataset.statement`)
		_, b := get(t, ts, "/api/v1/statements/"+hitID)
		var h wire.Hit
		must(t, json.Unmarshal(b, &h), "the statement's JSON")
		want := cite(h)
		if shown != want.Text {
			t.Errorf("the citation box shows %q, want %q", shown, want.Text)
		}
		// Choose BibTeX as a user does (the select fires change), then copy.
		must(t, chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`(() => { const s = document.querySelector("li.result .cite-format"); s.value = "bibtex"; s.dispatchEvent(new Event("change", {bubbles: true})); })()`)), "choosing BibTeX")
		must(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS("li.result .cite-copy"))), "copy")
		status := ""
		for i := 0; i < 50 && status == ""; i++ {
			status = eval[string](t, ctx, `document.querySelector("li.result .cite-status").textContent`)
			time.Sleep(20 * time.Millisecond)
		}
		if status != "Copied" {
			t.Fatalf("after Copy the box says %q", status)
		}
		copied, err := chromedp.Run(ctx, chromedp.Evaluate[string](`navigator.clipboard.readText()`, chromedp.EvalAwaitPromise))
		must(t, err, "reading the clipboard")
		if copied != want.BibTeX {
			t.Errorf("the clipboard holds\n%s\nwant the BibTeX entry\n%s", copied, want.BibTeX)
		}
		clean(t, "citation")
	})

	t.Run("HostileText", func(t *testing.T) {
		if len(f.docs["xss"].Speakers) != 1 {
			t.Fatalf("the hostile article's speaker was not linked")
		}
		for _, path := range []string{"/articles/" + id.xss, "/?q=win", "/speakers/" + f.docs["xss"].Speakers[0].ID} {
			must(t, chromedp.Do(ctx, chromedp.Navigate(ts.URL+path)), "opening "+path)
			// Hover and click everything the hostile markup would have
			// made active, had it been markup.
			must(t, chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.querySelectorAll("main *").forEach(e => {
				["mouseover", "click", "focus"].forEach(t => e.dispatchEvent(new Event(t, {bubbles: false})));
			})`)), "poking the page")
			if v := eval[string](t, ctx, `typeof window.`+hostileSentinel); v != "undefined" {
				t.Errorf("%s: a script of the hostile text ran (sentinel %s)", path, v)
			}
			if n := eval[int](t, ctx, `document.querySelectorAll("img, iframe, object, embed, main script, main svg:not(.timeline)").length`); n != 0 {
				t.Errorf("%s: %d elements came from the hostile text", path, n)
			}
			clean(t, path)
		}
		must(t, chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/articles/"+id.xss)), "opening the hostile article")
		text := eval[string](t, ctx, `document.querySelector(".article-text").textContent`)
		for _, w := range []string{"<script>window." + hostileSentinel + "=1</script>", "invoice⟦RLO⟧gpj.exe", strings.Repeat("long line ", 100)} {
			if !strings.Contains(text, w) {
				t.Errorf("the hostile article does not show %.50q as text", w)
			}
		}
		if href := eval[int](t, ctx, `Array.from(document.querySelectorAll("a[href]")).filter(a => a.href.toLowerCase().startsWith("javascript:")).length`); href != 0 {
			t.Errorf("%d javascript: links", href)
		}
		shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot()) // the viewport: the full page is a megabyte of text
		must(t, err, "screenshot")
		must(t, os.WriteFile(filepath.Join(screenshotDir(t), "article-hostile.png"), shot, 0o644), "screenshot")
		// The 1 MB line wraps instead of widening the page.
		if w := eval[[]float64](t, ctx, `[document.documentElement.scrollWidth, window.innerWidth]`); w[0] > w[1] {
			t.Errorf("the hostile article is %v px wide in a %v px window", w[0], w[1])
		}
	})

	t.Run("Phone", func(t *testing.T) {
		must(t, chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile)), "phone viewport")
		defer chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900))
		for _, p := range []struct{ name, path string }{{"search-phone", "/?q=ports"}, {"speaker-phone", "/speakers/" + id.demirel}, {"article-phone", "/articles/" + id.a1}, {"", "/articles/" + id.xss}} {
			must(t, chromedp.Do(ctx, chromedp.Navigate(ts.URL+p.path)), "opening "+p.path)
			if w := eval[[]float64](t, ctx, `[document.documentElement.scrollWidth, window.innerWidth]`); w[0] > w[1]+1 {
				t.Errorf("%s at phone width: the page is %v px wide in a %v px screen", p.path, w[0], w[1])
			}
			if p.name != "" {
				screenshot(t, ctx, p.name)
			}
		}
	})
}

// pressSlash presses "/" as a keyboard does: one keyDown carrying its
// text, so a handler that takes the key (preventDefault) keeps it from
// being typed. (chromedp.KeyEvent sends the text as a separate char
// event, which no handler can stop.)
func pressSlash() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		down := input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyDown, Key: "/", Code: "Slash", Text: "/", UnmodifiedText: "/", WindowsVirtualKeyCode: 191, NativeVirtualKeyCode: 191}
		if _, err := cdp.Call(ctx, t, input.DispatchKeyEvent, down); err != nil {
			return err
		}
		up := down
		up.Type, up.Text, up.UnmodifiedText = input.DispatchKeyEventTypeKeyUp, "", ""
		_, err := cdp.Call(ctx, t, input.DispatchKeyEvent, up)
		return err
	})
}
