#!/usr/bin/env bash
# Writes lexicon/common.txt.gz: English words written in lower case that the
# dictionary never lists capitalised (so no given name, family name or place
# is among them: "police", "footage", but not "bush" or "mark"), three letters
# or more. Source: the SCOWL word list of Debian's wamerican package
# (apt-get install wamerican), whose licence is in lexicon/COMMON-LICENSE.
set -euo pipefail
cd "$(dirname "$0")/.."
dict=${DICT:-/usr/share/dict/american-english}
python3 - "$dict" <<'PY' | gzip -9n > lexicon/common.txt.gz
import sys
words = [l.strip() for l in open(sys.argv[1], encoding="utf-8")]
caps = {w.lower() for w in words if w[:1].isupper()}
out = sorted({w for w in words if w.isalpha() and w.isascii() and w.islower() and len(w) >= 3 and w not in caps})
print("\n".join(out))
PY
