#!/usr/bin/env bash
# make backup: the PostgreSQL database (pg_dump custom format) and the media files, with a manifest
# of checksums. Usage: scripts/backup.sh [OUT_DIR]   (DATABASE_URL and MEDIA_ROOT from the env/.env)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f .env ] && set -a && . ./.env && set +a
: "${DATABASE_URL:?DATABASE_URL must point at PostgreSQL}"
media=${MEDIA_ROOT:-var/media}
out=${1:-var/backups/$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$out" "$media"
pg_dump --format=custom --no-owner --no-privileges --dbname="$DATABASE_URL" --file="$out/db.dump"
tar -C "$media" -cf "$out/media.tar" .
(cd "$media" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum) > "$out/media-files.sha256"
(cd "$out" && sha256sum db.dump media.tar media-files.sha256 > MANIFEST.sha256)
echo "backup written to $out"
