#!/usr/bin/env bash
# Scores `whosaid extract` on the PolNeAR dev split with the project's two
# scorers: the exact-span table (spanscore.py) and the lenient
# statement-level match (attrscore.py).
#
#   scripts/eval-polnear.sh [extra extract flags...]
#
# Needs ../shared (the corpora and scorers) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
out=${OUT:-/tmp/whosaid-eval}
mkdir -p "$out"
go build -o "$out/whosaid" ./cmd/whosaid
"$out/whosaid" extract --all --format jsonl --text-as-is "$@" "$shared"/corpora/polnear/dev/text/*.txt > "$out/dev.jsonl"
echo "== spanscore (exact spans, PolNeAR dev sentences)"
python3 "$shared/eval/spanscore.py" "$shared/corpora/polnear-cofenet/polnear-valid.jsonl" \
  "$shared/corpora/polnear/dev/text" "$out/dev.jsonl"
# attrscore.py reads "content" as a string; whosaid's content is an object
# with spans, so hand it the content text.
python3 - "$out/dev.jsonl" > "$out/dev-flat.jsonl" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    o = json.loads(line)
    for s in o.get("statements") or []:
        c = s.get("content")
        if isinstance(c, dict):
            s["content"] = c.get("text", "")
    print(json.dumps(o, ensure_ascii=False))
PY
echo "== attrscore (statement level, lenient)"
python3 "$shared/eval/attrscore.py" "$shared/corpora/polnear/dev" "$out/dev-flat.jsonl"
