#!/usr/bin/env bash
# Ingest benchmarks on generated articles (internal/gen): throughput in
# articles/s and MB/s on plain text and HTML, with GOMAXPROCS=1 and with all
# cores; peak RSS and store size while ingesting a large corpus.
#
#   scripts/bench-ingest.sh [N_SMALL=2000] [N_LARGE=100000]
set -euo pipefail
cd "$(dirname "$0")/.."
small=${1:-2000}
large=${2:-100000}
tmp=${TMPDIR:-/tmp}/whosaid-bench
mkdir -p "$tmp"
go build -o "$tmp/whosaid" ./cmd/whosaid
go run ./internal/tools/gencorpus -n "$small" -out "$tmp/text.jsonl"
go run ./internal/tools/gencorpus -n "$small" -html -out "$tmp/html.jsonl"
printf "| input | GOMAXPROCS | articles/s | MB/s |\n| --- | --- | --- | --- |\n"
for kind in text html; do
  for procs in 1 "$(nproc)"; do
    rm -f "$tmp/b.db"*
    line=$(GOMAXPROCS=$procs "$tmp/whosaid" --db "$tmp/b.db" ingest "$tmp/$kind.jsonl" 2>&1 | grep ' in .*s (' | tail -1)
    rate=$(sed -E 's/.*\(([0-9.]+)\/s, ([0-9.]+) MB\/s\).*/\1 | \2/' <<<"$line")
    printf "| %s | %s | %s |\n" "$kind" "$procs" "$rate"
  done
done
if [ "$large" -gt 0 ]; then
  go run ./internal/tools/gencorpus -n "$large" -out "$tmp/large.jsonl"
  rm -f "$tmp/large.db"*
  /usr/bin/time -v "$tmp/whosaid" --db "$tmp/large.db" ingest "$tmp/large.jsonl" 2> "$tmp/large.log" || true
  rss=$(grep 'Maximum resident' "$tmp/large.log" | awk '{print $NF}')
  "$tmp/whosaid" --db "$tmp/large.db" stats > "$tmp/large.stats"
  arts=$(awk '/^articles/ {print $2}' "$tmp/large.stats")
  mb=$(awk '/^size/ {print $2}' "$tmp/large.stats")
  echo
  echo "| corpus | peak RSS | store size | per 1000 articles |"
  echo "| --- | --- | --- | --- |"
  printf "| %s generated articles | %.0f MB | %s MB | %.2f MB |\n" "$arts" "$(echo "$rss/1024" | bc -l)" "$mb" "$(echo "$mb*1000/$arts" | bc -l)"
fi
