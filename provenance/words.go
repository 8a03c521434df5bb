package provenance

import "regexp"

// mediaNouns head a noun phrase that names a carrier of words, not a
// speaker: "the state channel", "the news agency", "the message".
var mediaNouns = `channel|channels|news\s+agency|newspaper|daily|weekly|magazine|television|tv|radio|broadcaster|website|outlet|message|media`

// platforms are generic social and messaging platforms, written as their
// names are (case matters: "on X" is the platform, "on x" is not).
var platforms = `X|Twitter|Facebook|Telegram|Instagram|YouTube|TikTok|WhatsApp|Threads|Bluesky|Weibo|VKontakte|VK|Truth\s+Social|Snapchat|LinkedIn|Reddit|Mastodon|Signal`

// outletWords mark a capitalised name as an outlet when it holds one:
// "Coast Radio", "Harbour Times", "Delta News Agency".
var reOutletWord = regexp.MustCompile(`(?i)\b(?:tv|television|radio|news|channel|agency|times|post|press|network|broadcasting|daily|journal|herald|gazette|tribune|chronicle|observer|telegraph|magazine|media|online|today|fm)\b`)

// A capitalised name: words opening with a capital, joined by the small
// words names carry ("Voice of the Coast", "Al-Noor").
// Days and months it runs into are cut by trimName.
const name = `(?:[\p{Lu}][\p{L}\p{N}'’.&-]*)(?:\s+(?:[\p{Lu}][\p{L}\p{N}'’.&-]*|of(?:\s+the)?|al|de|la|el|for))*`

// media is one medium and the pattern that says it, in order of
// precedence: an interview that was also aired is a televised interview.
type media struct {
	medium string
	re     *regexp.Regexp
}

var mediums = []media{
	{"televised interview", regexp.MustCompile(`(?i)\b(?:televised|television|tv|video)\s+interview|\binterview(?:s)?\s+(?:that\s+was\s+|was\s+)?(?:aired|broadcast|televised)\b`)},
	{"radio interview", regexp.MustCompile(`(?i)\bradio\s+interview\b`)},
	{"interview", regexp.MustCompile(`(?i)\binterview(?:s|ed|er)?\b`)},
	{"press conference", regexp.MustCompile(`(?i)\b(?:press|news)\s+(?:conference|briefing)\b`)},
	{"speech", regexp.MustCompile(`(?i)\b(?:speech|sermon|address(?:ing)?\s+(?:the\s+)?(?:nation|parliament|rally|crowd|supporters|congress|assembly))\b`)},
	{"letter", regexp.MustCompile(`(?i)\bletter\b`)},
	{"statement", regexp.MustCompile(`(?i)\b(?:in|issued|released|published)\s+(?:a|an|his|her|their|its|the)\s+(?:written\s+|joint\s+|brief\s+|short\s+)?statement\b|\bstatement\s+(?:issued|released|published)\b`)},
	{"dialogue", regexp.MustCompile(`(?i)\b(?:in|during|at|on|to)\s+(?:a|an|the|his|her|their|its)?\s*(?:[\p{L}'’"-]+\s+){0,4}?(?:dialogue|debate|panel|forum|symposium|seminar|town\s+hall)\b`)},
	{"message", regexp.MustCompile(`(?i)\b(?:video|audio|recorded|televised)\s+message\b`)},
	{"post", regexp.MustCompile(`(?i)\b(?:tweet(?:s|ed)?|post(?:ed|s)?\s+(?:on|to)|wrote\s+on|in\s+a\s+post)\b`)},
	{"broadcast", regexp.MustCompile(`(?i)\b(?:aired|broadcast|televised|on\s+air)\b`)},
}

var (
	// "on X", "on his Telegram channel", "X account".
	rePlatform = regexp.MustCompile(`\b(?:on|via|to)\s+(?:(?:his|her|their|its|the)\s+(?:official\s+)?)?(` + platforms + `)\b|\b(` + platforms + `)\s+(?:account|page|post|channel|feed)\b`)
	// "told the Coast Radio", "told Coast Radio", "speaking to the Harbour Times".
	reTold = regexp.MustCompile(`\b(?:told|telling|speaking\s+to|talking\s+to|in\s+(?:comments|remarks)\s+to)\s+((?:the\s+)?` + name + `)`)
	// "told the interviewer", "told reporters": the medium, no named carrier.
	reToldInterviewer = regexp.MustCompile(`(?i)\btold\s+(?:the|an?)\s+interviewer\b`)
	// "interview with the Coast Radio", "interview to Coast Radio".
	reInterviewWith = regexp.MustCompile(`\binterview(?:ed)?\s+(?:with|to|by|for|on)\s+((?:the\s+)?` + name + `)`)
	// "according to the Harbour channel", "according to Coast Radio".
	reAccording = regexp.MustCompile(`\b(?:according\s+to|reported\s+by|quoted\s+by|carried\s+by|cited\s+by|as\s+reported\s+by)\s+((?:the\s+)?(?:` + name + `\s+)?(?i:` + mediaNouns + `)\b|(?:the\s+)?` + name + `)`)
	// "an interview aired by the Coast Radio", "broadcast on Coast TV".
	reAiredOn = regexp.MustCompile(`\b(?:aired|broadcast|published|televised)\s+(?:on|by)\s+((?:the\s+)?` + name + `)`)
	// A carrier source: a noun phrase headed by a media noun.
	reCarrier = regexp.MustCompile(`(?i)^(?:the|a|an|this|that|its|his|her|their)?\s*(?:[\p{L}\p{N}'’.&-]+\s+){0,4}?(?:` + mediaNouns + `)\b`)
	// "This statement came …", "These remarks were made …": a sentence that
	// tells where the statement before it was made.
	reAnaphor = regexp.MustCompile(`(?i)^\s*(?:this|these|the|his|her|their|such)\s+(?:statement|statements|remarks|comments|words|position|positions|stance|declaration|interview)\b`)
)

// rePlatformName is a name that is only a platform's.
var rePlatformName = regexp.MustCompile(`^(?:` + platforms + `)$`)
