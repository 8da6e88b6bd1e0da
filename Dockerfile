# Production image: Debian bookworm, Python 3.11, gunicorn, whitenoise; migrations run at start.
FROM node:20-bookworm-slim AS assets
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-cjk gettext \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml ./
COPY config ./config
COPY submissions ./submissions
COPY evaluation ./evaluation
RUN pip install --no-cache-dir .
COPY . .
COPY --from=assets /app/node_modules ./node_modules
# Build-time only values: collectstatic and compilemessages need settings, not secrets.
RUN SECRET_KEY=build-only-not-secret-0000000000000000000000000000000000 ALLOWED_HOSTS=build \
    python manage.py collectstatic --noinput -v 0 \
 && SECRET_KEY=build-only-not-secret-0000000000000000000000000000000000 ALLOWED_HOSTS=build \
    python manage.py compilemessages --ignore=node_modules -v 0 \
 && useradd --system --uid 1000 app && mkdir -p /app/var/media && chown -R app /app/var
USER app
EXPOSE 8000
CMD ["sh", "-c", "python manage.py migrate --noinput && gunicorn config.wsgi:application --bind 0.0.0.0:8000 --workers ${GUNICORN_WORKERS:-3} --access-logfile -"]
