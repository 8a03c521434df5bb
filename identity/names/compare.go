package names

// Threshold is the part similarity above which two name parts are taken
// as one name written two ways. It was set on the variant-pairs dev list
// (pairs of single name parts) so that fewer than 0.5% of different-name
// pairs pass it.
const Threshold = 0.86

// Compare tells whether two names may be one person's or organisation's,
// and how alike they are (0..1). Family names (the last parts) must agree;
// given names, when both are written, must agree too; titles of different
// genders block. A name of one part matches a longer name through its
// family name only, with a lower score.
func Compare(a, b string) (bool, float64) {
	return CompareNames(Parse(a), Parse(b))
}

// CompareNames is Compare on parsed names.
func CompareNames(x, y Name) (bool, float64) {
	if s, ok := acronymMatch(x, y); ok {
		return true, s
	}
	if len(x.Parts) == 0 || len(y.Parts) == 0 {
		return false, 0
	}
	if x.Gender != "" && y.Gender != "" && x.Gender != y.Gender {
		return false, 0
	}
	if len(x.Parts) > len(y.Parts) {
		x, y = y, x
	}
	family := partScore(x.Parts[len(x.Parts)-1], y.Parts[len(y.Parts)-1])
	if len(x.Parts) == 1 {
		if len(y.Parts) == 1 {
			return family >= Threshold, family
		}
		// A surname alone, or a given name alone: only the family name is
		// compared, and the match is weaker.
		return family >= Threshold, 0.9 * family
	}
	if family < Threshold {
		return false, family
	}
	given := partScore(x.Parts[0], y.Parts[0])
	if given < Threshold && !initialOf(x.Parts[0], y.Parts[0]) {
		return false, given
	}
	// The middle parts of the shorter name must appear, in order, among
	// those of the longer one ("Mohammed Ali al-Tamimi" / "Mohammed al-Tamimi").
	score := min(family, max(given, 0.9))
	j := 1
	for _, p := range x.Parts[1 : len(x.Parts)-1] {
		found := false
		for ; j < len(y.Parts)-1; j++ {
			if s := partScore(p, y.Parts[j]); s >= Threshold {
				score = min(score, s)
				found = true
				j++
				break
			}
		}
		if !found {
			return false, 0.5
		}
	}
	return true, score
}

// initialOf: "m" stands for "mohammed".
func initialOf(a, b string) bool {
	return len(a) == 1 && b != "" && b[0] == a[0] || len(b) == 1 && a != "" && a[0] == b[0]
}

// acronymMatch: "JAW" for "Jamaat Ahl al-Wafa" (initials with or without
// the article and connectives).
func acronymMatch(x, y Name) (float64, bool) {
	if x.Acronym == "" && y.Acronym == "" {
		return 0, false
	}
	if x.Acronym == "" {
		x, y = y, x
	}
	if y.Acronym != "" {
		return 1, x.Acronym == y.Acronym
	}
	var parts string
	for _, p := range y.Parts {
		parts += p[:1]
	}
	if x.Acronym == y.initials || x.Acronym == parts {
		return 0.9, len(x.Acronym) >= 2
	}
	return 0, false
}

// Keys returns blocking keys for a name: the consonant skeleton of its
// family name, so candidates for Compare can be found among many names
// without comparing every pair.
func Keys(s string) []string {
	n := Parse(s)
	if len(n.Parts) == 0 {
		if n.Acronym != "" {
			return []string{"#" + n.Acronym}
		}
		return nil
	}
	last := n.Parts[len(n.Parts)-1]
	return []string{skeleton(phonetic(last))}
}
