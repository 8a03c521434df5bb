// Package names compares personal and organisation names written in
// different transliterations and with different titles: "Sheikh Karim
// al-Hadidi" and "Karim Hadiidi", "Mehmet" and "Mohammed", "Vasiliy" and
// "Wassili". It folds Unicode and apostrophes, drops titles, honorifics and
// the Arabic article in its spellings, normalises connectives (bin, ibn,
// abu, abd), rewrites spellings that stand for one sound, and compares the
// parts of two names in order: family names must agree, given names must
// not conflict. Keys gives a coarse consonant key per name part for finding
// candidates among many names before comparing them.
//
// Every rule is a fact about transliteration or naming in general; no
// particular person's name is listed.
package names
