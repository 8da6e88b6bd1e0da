"""Production settings, the compose file and the Dockerfile, checked without a Docker engine."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, env_extra):
    # The browser tests lift the async guard in this process; a deployment never has that variable.
    dropped = ("SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE")
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update({"DJANGO_SETTINGS_MODULE": "config.settings.production", **env_extra})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION_ENV = {
    "SECRET_KEY": "x" * 20 + "production-test-key-with-enough-entropy-1234567890",
    "ALLOWED_HOSTS": "assessment.example.org",
}


def test_check_deploy_passes_without_warnings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env_extra=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without(missing):
    env = dict(PRODUCTION_ENV)
    del env[missing]
    result = run_manage("check", env_extra=env)
    assert result.returncode != 0
    assert missing in result.stderr


def test_compose_file_has_what_the_app_needs():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    db, app = services["db"], services["app"]
    assert db["image"].startswith("postgres:16")
    assert any(v.startswith("pgdata:") for v in db["volumes"])
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    assert app["build"] == "."
    assert app["depends_on"]["db"]["condition"] == "service_healthy"
    assert app["env_file"] == ".env"
    assert app["environment"]["DATABASE_URL"].startswith("postgres://")
    assert "@db:5432/" in app["environment"]["DATABASE_URL"]
    assert app["environment"]["DJANGO_SETTINGS_MODULE"] == "config.settings.production"
    assert any(v.endswith(app["environment"]["MEDIA_ROOT"]) for v in app["volumes"])
    assert set(compose["volumes"]) >= {"pgdata", "media"}


def test_env_example_names_every_required_production_variable():
    names = {
        line.split("=", 1)[0]
        for line in (ROOT / ".env.example").read_text().splitlines()
        if "=" in line and not line.startswith("#")
    }
    assert {"SECRET_KEY", "ALLOWED_HOSTS", "POSTGRES_PASSWORD", "EMAIL_HOST"} <= names


def test_dockerfile_installs_system_packages_and_serves_with_gunicorn():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "python:3.11-slim-bookworm" in dockerfile
    for package in ("libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0", "fonts-noto-cjk"):
        assert package in dockerfile
    assert "gunicorn config.wsgi:application" in dockerfile
    assert "migrate --noinput" in dockerfile
    assert "collectstatic" in dockerfile
