package names

import (
	"bufio"
	"github.com/whosaid/whosaid/internal/testshared"
	"os"
	"strings"
	"testing"
)

func TestCompareSame(t *testing.T) {
	for _, c := range [][2]string{
		{"Qais al-Khazali", "Sheikh Qais Khazali"},
		{"Khazali", "Khazaali"},
		{"al-Khazali", "Al-Khazali"},
		{"Qais al-Khazali", "Khazali"},
		{"Qassem Soleimani", "Qasim Suleimani"},
		{"Abu Mahdi al-Muhandis", "Abu Mahdi Al-Muhanades"},
		{"Adel Abdul Mahdi", "Adil Abd al-Mahdi"},
		{"Adel Abdul Mahdi", "Adel Abdulmahdi"},
		{"Mohammed Shia al-Sudani", "Mohammed al-Sudani"},
		{"Mr. Obama", "Barack Obama"},
		{"Mehmed", "Muhammed"},
		{"Vasiliy Petrov", "Vasily Petrov"}, // Russian
		{"Aleksandr Solzhenitsyn", "Alexander Solzhenitsyn"},
		{"Xi Jinping", "Xi Jin-ping"},                          // Chinese
		{"Recep Tayyip Erdoğan", "Recep Erdogan"},              // Turkish
		{"José Luis Rodríguez Zapatero", "Jose Luis Zapatero"}, // Spanish
		{"Asa'ib Ahl al-Haq", "Asaib Ahl Al-Haq"},
		{"AAH", "Asa'ib Ahl al-Haq"},
		{"Christina", "Kristina"},
	} {
		if same, score := Compare(c[0], c[1]); !same {
			t.Errorf("%q and %q should match (score %.3f)", c[0], c[1], score)
		}
	}
}

func TestCompareDifferent(t *testing.T) {
	for _, c := range [][2]string{
		{"Muqtada al-Sadr", "Mohammed Baqir al-Sadr"},
		{"Eric Trump", "Donald Trump"},
		{"Mrs. Clinton", "Mr. Clinton"},
		{"Qassem Soleimani", "Qassem al-Murqa"},
		{"Ivan Petrov", "Ivan Sidorov"},
		{"Wang Yi", "Wang Wei"},
		{"Ahmet Davutoğlu", "Mehmet Davutoğlu"},
		{"Carlos Gómez", "Carla Gómez"},
		{"UN", "European Union"},
		{"", "Khazali"},
	} {
		if same, score := Compare(c[0], c[1]); same {
			t.Errorf("%q and %q must not match (score %.3f)", c[0], c[1], score)
		}
	}
}

func TestKeysShareVariants(t *testing.T) {
	k := func(s string) string { return strings.Join(Keys(s), ",") }
	if k("Sheikh Qais al-Khazali") != k("Khazaali") || k("Soleimani") != k("Suleimani") {
		t.Errorf("variants should share a key: %q %q %q %q", k("Sheikh Qais al-Khazali"), k("Khazaali"), k("Soleimani"), k("Suleimani"))
	}
	if k("Sadr") == k("Sudani") {
		t.Errorf("different family names share a key")
	}
}

func TestFold(t *testing.T) {
	if got := fold("Muḥammad ʿAbd al-Raḥmān Jarosław Ø"); got != "muhammad abd al rahman jaroslaw o" {
		t.Errorf("fold: %q", got)
	}
}

// pairsFile finds ../shared/corpora/names/variant-pairs-dev.tsv or skips.
func pairsFile(t testing.TB) string {
	return testshared.Dir(t, "corpora", "names", "variant-pairs-dev.tsv")
}

// TestVariantPairs holds the matcher to the targets on the dev
// pairs: recall on same pairs at least 0.75, false matches at most 0.5%.
func TestVariantPairs(t *testing.T) {
	f, err := os.Open(pairsFile(t))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var pos, tp, neg, fp int
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		p := strings.Split(sc.Text(), "\t")
		if len(p) < 3 || p[2] == "same" {
			continue
		}
		same, _ := Compare(p[0], p[1])
		if p[2] == "1" {
			pos++
			if same {
				tp++
			}
		} else {
			neg++
			if same {
				fp++
			}
		}
	}
	recall, falseRate := float64(tp)/float64(pos), float64(fp)/float64(neg)
	t.Logf("recall %.3f on %d same pairs, false matches %.2f%% on %d different pairs", recall, pos, 100*falseRate, neg)
	if recall < 0.75 || falseRate > 0.005 {
		t.Errorf("recall %.3f (want ≥ 0.75), false matches %.2f%% (want ≤ 0.5%%)", recall, 100*falseRate)
	}
}

func BenchmarkCompare(b *testing.B) {
	pairs := [][2]string{{"Qais al-Khazali", "Sheikh Qais Khazaali"}, {"Muqtada al-Sadr", "Mohammed Baqir al-Sadr"}, {"Vasiliy", "Wassili"}}
	for i := 0; i < b.N; i++ {
		p := pairs[i%len(pairs)]
		Compare(p[0], p[1])
	}
}
