#!/usr/bin/env bash
# Scores the name matcher (`whosaid names compare`) on a list of name
# pairs with gold labels (name1<TAB>name2<TAB>same): recall on same=1
# pairs and the false-match rate on same=0 pairs.
#
#   scripts/names-eval.sh [PAIRS.tsv]   (default ../shared/corpora/names/variant-pairs-dev.tsv)
set -euo pipefail
cd "$(dirname "$0")/.."
pairs=${1:-../shared/corpora/names/variant-pairs-dev.tsv}
go build -o /tmp/whosaid-names ./cmd/whosaid
paste <(/tmp/whosaid-names names compare < "$pairs") <(grep -v -P '^name1\tname2' "$pairs" | cut -f3) |
awk -F'\t' '
  $5 == 1 { pos++; if ($3 == 1) tp++ }
  $5 == 0 { neg++; if ($3 == 1) fp++ }
  END { printf "same=1 pairs %d, recall %.3f\nsame=0 pairs %d, false matches %d (%.2f%%)\n", pos, tp/pos, neg, fp, 100*fp/neg }'
