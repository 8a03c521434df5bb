#!/usr/bin/env bash
# Scores quotes and speakers on the GGT dev articles (real news in which
# people annotated every quotation and its speaker) with
# ../shared/eval/quotescore.py: recall, precision, F1, speaker accuracy,
# and the annotators' own measure at 0.3 and 0.8 overlap. Extra
# arguments go to extract (--all: every attribution, not only speech).
#
#   scripts/eval-quotes.sh [EXTRACT-FLAGS...]      (OUT=dir keeps the outputs; SHARED=path)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
out=${OUT:-/tmp/whosaid-quotes}
mkdir -p "$out"
go build -o "$out/whosaid" ./cmd/whosaid
"$out/whosaid" extract --format jsonl --text-as-is "$@" "$shared"/corpora/ggt-quotes/dev/text/*.txt > "$out/quotes.jsonl"
python3 "$shared/eval/quotescore.py" "$out/quotes.jsonl" --examples "${EXAMPLES:-10}"
