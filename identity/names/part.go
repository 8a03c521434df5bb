package names

// partScore compares two name parts (single words), 0..1: 1 when they
// are one spelling of one sound sequence, high when they differ by a vowel
// or a letter, low otherwise.
func partScore(a, b string) float64 {
	if a == b {
		return 1
	}
	pa, pb := phonetic(a), phonetic(b)
	if pa == pb {
		return 0.97
	}
	s := weightedSimilarity(pa, pb)
	// Different first sounds are rarely one name (except vowels).
	if pa[0] != pb[0] && !(isVowel(pa[0]) && isVowel(pb[0])) {
		s -= 0.1
	}
	return max(s, 0)
}
