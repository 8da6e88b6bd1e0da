#!/usr/bin/env bash
# make loadtest: 50 operators saving sections and submitting while 5 reviewers browse, for 60 s,
# against gunicorn + PostgreSQL on 127.0.0.1 only. Prints locust's table and a consistency check.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${LOADTEST_PORT:-8765}
duration=${LOADTEST_DURATION:-60s}
db=loadtest_$$
pg="postgres://postgres@127.0.0.1:5432"
work=$(mktemp -d -t loadtest.XXXX)
export DATABASE_URL="$pg/$db" DJANGO_SETTINGS_MODULE=config.settings.production
export SECRET_KEY="loadtest-only-$(head -c 32 /dev/urandom | sha256sum | cut -c1-48)"
export ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=false SESSION_COOKIE_SECURE=false
export CSRF_COOKIE_SECURE=false MEDIA_ROOT="$work/media" EMAIL_BACKEND=django.core.mail.backends.locmem.EmailBackend
cleanup() {
  [ -n "${gpid:-}" ] && kill "$gpid" 2>/dev/null; wait 2>/dev/null || true
  psql "$pg/postgres" -qc "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
psql "$pg/postgres" -qc "CREATE DATABASE $db"
.venv/bin/python manage.py migrate -v0
.venv/bin/python manage.py collectstatic --noinput -v0
.venv/bin/python manage.py shell < tests/load/seed.py
.venv/bin/gunicorn config.wsgi:application --bind "127.0.0.1:$port" --workers 4 \
  --log-level warning --error-logfile "$work/gunicorn.log" &
gpid=$!
for _ in $(seq 1 30); do curl -sf "http://127.0.0.1:$port/accounts/login/" >/dev/null && break; sleep 1; done
.venv/bin/locust -f tests/load/locustfile.py --headless -u 55 -r "${LOADTEST_SPAWN_RATE:-2}" -t "$duration" \
  --host "http://127.0.0.1:$port" --csv "$work/stats" --only-summary --stop-timeout 10 || true
echo
echo "Per endpoint (ms):"
python3 - "$work/stats_stats.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
print(f"{'endpoint':<40} {'requests':>8} {'failures':>8} {'median':>7} {'p95':>7} {'max':>7}")
for r in rows:
    print(f"{(r['Type'] + ' ' + r['Name'])[:40]:<40} {r['Request Count']:>8} {r['Failure Count']:>8} "
          f"{r['50%']:>7} {r['95%']:>7} {float(r['Max Response Time']):>7.0f}")
PY
.venv/bin/python manage.py shell -c "
from django.db.models import Count, Q
from submissions.models import Submission, SubmissionEvent
subs = Submission.objects.filter(base__code__startswith='LT-').annotate(
    versions_n=Count('versions', distinct=True),
    submits=Count('events', filter=Q(events__to_status='submitted'), distinct=True))
bad = [s.pk for s in subs if s.versions_n != s.submits or (s.status == 'submitted') != (s.versions_n == 1)]
print(f'submissions: {subs.count()}, submitted: {sum(1 for s in subs if s.status == \"submitted\")}, '
      f'versions: {sum(s.versions_n for s in subs)}, inconsistent: {len(bad)}')
"
grep -c "Traceback" "$work/gunicorn.log" | sed 's/^/server tracebacks: /' || true
