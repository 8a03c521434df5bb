package names

// Classes of letters that transliterations swap for one another: vowels
// (a/e/i/o/u), voiced and voiceless pairs, sibilants.
var letterClass = func() map[byte]int {
	m := map[byte]int{}
	for i, group := range []string{"aeiou", "bp", "dt", "gk", "sz", "fv", "lr", "mn"} {
		for j := 0; j < len(group); j++ {
			m[group[j]] = i + 1
		}
	}
	return m
}()

// subCost is the cost of writing b where a stood.
func subCost(a, b byte) float64 {
	switch {
	case a == b:
		return 0
	case isVowel(a) && isVowel(b):
		return 0.35
	case letterClass[a] != 0 && letterClass[a] == letterClass[b]:
		return 0.6
	}
	return 1
}

// indelCost: vowels and h come and go between transliterations.
func indelCost(c byte) float64 {
	if isVowel(c) || c == 'h' {
		return 0.45
	}
	return 1
}

// weightedSimilarity is 1 - (weighted edit distance / longer length), on
// phonetic forms.
func weightedSimilarity(a, b string) float64 {
	if a == b {
		return 1
	}
	la, lb := len(a), len(b)
	if la == 0 || lb == 0 {
		return 0
	}
	prev := make([]float64, lb+1)
	cur := make([]float64, lb+1)
	for j := 1; j <= lb; j++ {
		prev[j] = prev[j-1] + indelCost(b[j-1])
	}
	for i := 1; i <= la; i++ {
		cur[0] = prev[0] + indelCost(a[i-1])
		for j := 1; j <= lb; j++ {
			cur[j] = min(prev[j]+indelCost(a[i-1]), cur[j-1]+indelCost(b[j-1]), prev[j-1]+subCost(a[i-1], b[j-1]))
		}
		prev, cur = cur, prev
	}
	return 1 - prev[lb]/float64(max(la, lb))
}
