"""Tests: fast hasher, in-memory e-mail; the database comes from DATABASE_URL (CI: PostgreSQL)."""

from .base import *  # noqa: F403
from .base import BASE_DIR, env

DEBUG = False
SECRET_KEY = "test-only-key-not-secret-0123456789abcdefghijklmnopqrstuvwxyz"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Login lockout is tested explicitly (tests enable it); elsewhere Client.login must work.
AXES_ENABLED = False
MEDIA_ROOT = env.path("TEST_MEDIA_ROOT", default=BASE_DIR / "var" / "test-media")

import warnings  # noqa: E402

# STATIC_ROOT exists only after collectstatic (production); runserver and tests use the finders.
warnings.filterwarnings("ignore", message="No directory at", module="whitenoise.base")
