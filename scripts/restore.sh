#!/usr/bin/env bash
# make restore BACKUP=DIR: checks the manifest, restores the database into DATABASE_URL (replacing
# what is there) and the media files into MEDIA_ROOT, then verifies every file's checksum.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f .env ] && set -a && . ./.env && set +a
backup=${1:?usage: scripts/restore.sh BACKUP_DIR}
: "${DATABASE_URL:?DATABASE_URL must point at PostgreSQL}"
media=${MEDIA_ROOT:-var/media}
(cd "$backup" && sha256sum --quiet --check MANIFEST.sha256)
pg_restore --clean --if-exists --no-owner --no-privileges --exit-on-error \
  --dbname="$DATABASE_URL" "$backup/db.dump"
mkdir -p "$media"
tar -C "$media" -xf "$backup/media.tar"
(cd "$media" && sha256sum --quiet --check "$(cd - >/dev/null && realpath "$backup")/media-files.sha256")
echo "restored $backup into the database and $media"
