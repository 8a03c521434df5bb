package names

import "strings"

// titles are words of address, rank and office that are not part of a
// name: dropped before comparing. The gender some of them carry blocks a
// merge with the other gender ("Mrs. Okafor" is not "Mr. Okafor").
var titles = map[string]string{}

func init() {
	for _, w := range strings.Fields(`mr mister sir lord monsieur senor signor herr
		king prince emir sheikh sheik shaikh shaykh sayyid sayed sayyed syed imam mullah ayatollah grand hajj haji
		mufti cardinal pope father brother reverend rev bishop rabbi`) {
		titles[w] = "male"
	}
	for _, w := range strings.Fields(`mrs ms miss madam madame mme mlle lady dame senora signora frau queen princess
		sister sayyida sheikha`) {
		titles[w] = "female"
	}
	for _, w := range strings.Fields(`dr doctor prof professor president vice prime minister secretary general
		gen col colonel maj major capt captain lt lieutenant sgt sergeant adm admiral cmdr commander marshal
		chancellor premier governor gov mayor senator sen rep representative congressman congresswoman speaker
		judge justice ambassador amb chairman chairwoman chair ceo director minister deputy foreign defense
		interior his her excellency eminence highness majesty honorable hon leader chief spokesman
		spokeswoman spokesperson commissioner councillor councilor jr sr ii iii`) {
		if _, ok := titles[w]; !ok {
			titles[w] = ""
		}
	}
}

// articles are the spellings of the Arabic definite article and its
// assimilated forms, dropped before a name part ("al-Nouri", "ash-Shami").
var articles = map[string]bool{"al": true, "el": true, "ul": true, "il": true, "ad": true, "ed": true, "ash": true,
	"as": true, "at": true, "az": true, "an": true, "ar": true, "ath": true, "adh": true, "ud": true, "ur": true, "us": true}

// joiners begin a compound part with the word after them: "Abd al-Mahdi",
// "Abu Mahdi", "bin Salman" are each one part.
var joiners = map[string]string{"abd": "abd", "abdul": "abd", "abdel": "abd", "abdal": "abd", "abdol": "abd", "abdoul": "abd",
	"abu": "abu", "abou": "abu", "abo": "abu", "bin": "bin", "ibn": "bin", "ben": "bin", "bint": "bint", "bent": "bint"}

// particles of European names, kept as they are but not compared on
// their own: "van", "de", "von".
var particles = map[string]bool{"van": true, "von": true, "de": true, "der": true, "den": true, "da": true, "di": true,
	"du": true, "del": true, "della": true, "la": true, "le": true, "dos": true, "das": true, "do": true, "y": true, "e": true}
