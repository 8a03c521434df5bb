#!/usr/bin/env bash
# Ingest throughput of the PostgreSQL store with 1, 2 and 4 worker
# processes draining one queue, beside one SQLite ingest, on the same
# generated corpus (internal/gen): articles/s of wall time.
#
#   scripts/bench-postgres.sh POSTGRES_URL [ARTICLES=800]
#
# THREADS=N gives each process --workers N (articles annotated at once;
# default: all cores), to see how processes scale apart from threads.
#
# POSTGRES_URL is a database whose role may create databases (the script
# makes one per run, whosaid_bench_N); scripts/pg-throwaway.sh start DIR
# gives one.
set -euo pipefail
cd "$(dirname "$0")/.."
url=$1
n=${2:-800}
threads=()
[ -n "${THREADS:-}" ] && threads=(--workers "$THREADS")
tmp=${TMPDIR:-/tmp}/whosaid-bench-pg
rm -rf "$tmp" && mkdir -p "$tmp/parts"
go build -o "$tmp/whosaid" ./cmd/whosaid
go run ./internal/tools/gencorpus -n "$n" -out "$tmp/corpus.jsonl"
split -l 50 -d -a 3 --additional-suffix=.jsonl "$tmp/corpus.jsonl" "$tmp/parts/p"
rate() { python3 -c "print(f'{$1/$2:.1f}')"; }
printf "| store | processes | articles | seconds | articles/s |\n| --- | --- | --- | --- | --- |\n"
start=$(date +%s.%N)
"$tmp/whosaid" --db "$tmp/b.db" ingest --quiet "${threads[@]}" "$tmp"/parts/*.jsonl
secs=$(python3 -c "print(round($(date +%s.%N)-$start, 1))")
printf "| SQLite (ingest) | 1 | %s | %s | %s |\n" "$n" "$secs" "$(rate "$n" "$secs")"
for w in 1 2 4; do
  db="whosaid_bench_$w"
  psql "$url" -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  dburl=$(python3 -c "import sys,urllib.parse as u; p=u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path='/'+sys.argv[2])))" "$url" "$db")
  "$tmp/whosaid" --db "$dburl" ingest --enqueue "$tmp"/parts/*.jsonl 2>/dev/null
  start=$(date +%s.%N)
  pids=()
  for i in $(seq "$w"); do
    "$tmp/whosaid" --db "$dburl" worker --until-empty --poll 200ms "${threads[@]}" 2>/dev/null & pids+=($!)
  done
  wait "${pids[@]}"
  secs=$(python3 -c "print(round($(date +%s.%N)-$start, 1))")
  got=$("$tmp/whosaid" --db "$dburl" stats --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["articles"])')
  printf "| PostgreSQL (worker) | %s | %s | %s | %s |\n" "$w" "$got" "$secs" "$(rate "$got" "$secs")"
done
