#!/usr/bin/env bash
# The backup drill (run in CI): seed a database, back it up, restore it into a fresh database and
# media folder, and compare every table's row count and every file's checksum.
set -euo pipefail
cd "$(dirname "$0")/.."
pg="postgres://postgres@127.0.0.1:5432"
work=$(mktemp -d -t drill.XXXX)
src_db=drill_src_$$ dst_db=drill_dst_$$
trap 'psql "$pg/postgres" -qc "DROP DATABASE IF EXISTS $src_db" -c "DROP DATABASE IF EXISTS $dst_db" >/dev/null 2>&1; rm -rf "$work"' EXIT
psql "$pg/postgres" -qc "CREATE DATABASE $src_db" -c "CREATE DATABASE $dst_db"

export DJANGO_SETTINGS_MODULE=config.settings.local
DATABASE_URL="$pg/$src_db" MEDIA_ROOT="$work/media-src" .venv/bin/python manage.py migrate -v0
DATABASE_URL="$pg/$src_db" MEDIA_ROOT="$work/media-src" .venv/bin/python manage.py seed_demo >/dev/null
# Files beside the database: whatever the demo stored, plus a few of known content.
mkdir -p "$work/media-src/evidence/drill"
for i in 1 2 3; do head -c $((i * 50000)) /dev/urandom > "$work/media-src/evidence/drill/file$i"; done

DATABASE_URL="$pg/$src_db" MEDIA_ROOT="$work/media-src" scripts/backup.sh "$work/backup" >/dev/null
DATABASE_URL="$pg/$dst_db" MEDIA_ROOT="$work/media-dst" scripts/restore.sh "$work/backup" >/dev/null

counts() {
  psql "$pg/$1" -At -c "SELECT table_name FROM information_schema.tables WHERE table_schema='public' AND table_type='BASE TABLE' ORDER BY 1" |
    while read -r t; do echo "$t $(psql "$pg/$1" -At -c "SELECT count(*) FROM \"$t\"")"; done
}
counts "$src_db" > "$work/src.counts"
counts "$dst_db" > "$work/dst.counts"
diff -u "$work/src.counts" "$work/dst.counts"
(cd "$work/media-src" && find . -type f -print0 | sort -z | xargs -0 sha256sum) > "$work/src.files"
(cd "$work/media-dst" && find . -type f -print0 | sort -z | xargs -0 sha256sum) > "$work/dst.files"
diff -u "$work/src.files" "$work/dst.files"
tables=$(wc -l < "$work/src.counts"); rows=$(awk '{s+=$2} END {print s}' "$work/src.counts")
files=$(wc -l < "$work/src.files")
echo "backup drill passed: $tables tables, $rows rows and $files files identical after restore"
