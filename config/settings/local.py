"""Development: DEBUG on, console e-mail, SQLite under var/ unless DATABASE_URL says otherwise."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-change-me-0123456789abcdef")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])

import warnings  # noqa: E402

# STATIC_ROOT exists only after collectstatic (production); runserver and tests use the finders.
warnings.filterwarnings("ignore", message="No directory at", module="whitenoise.base")
