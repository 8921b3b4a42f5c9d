"""Production settings: secure by default, and ``check --deploy`` clean."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, **env):
    base = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    base.pop("DATABASE_URL", None)
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=base | {"DJANGO_SETTINGS_MODULE": "config.settings"} | env,
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION = {
    "DATABASE_URL": "postgres://archive:secret@db.example.org:5432/archive",
    "DJANGO_SECRET_KEY": "x7!" + "k2#Qp9vLm4Rz8Tw1Ye6Ua3Io0Ps5Df" * 2,
    "DJANGO_ALLOWED_HOSTS": "archive.example.org",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://archive.example.org",
}


def test_check_deploy_reports_nothing_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_complains_when_debug_is_on():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION, DJANGO_DEBUG="1")
    assert result.returncode != 0
    assert "security.W018" in result.stdout + result.stderr


def test_a_secret_key_is_required_in_production():
    env = {k: v for k, v in PRODUCTION.items() if k != "DJANGO_SECRET_KEY"}
    result = manage("check", **env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_debug_is_off_unless_asked_for():
    code = "from django.conf import settings; print(settings.DEBUG)"
    result = manage("shell", "--no-imports", "-c", code, **PRODUCTION)
    assert result.stdout.strip() == "False", result.stderr
    result = manage("shell", "--no-imports", "-c", code, **PRODUCTION, DJANGO_DEBUG="1")
    assert result.stdout.strip() == "True", result.stderr


def test_example_environment_lists_every_variable_the_settings_read():
    settings_source = (ROOT / "config" / "settings.py").read_text()
    example = (ROOT / ".env.example").read_text()

    read = set(
        re.findall(
            r'(?:env_bool|env_list|os\.environ\.get|os\.environ\[)\(?"([A-Z_]+)"', settings_source
        )
    )
    listed = set(re.findall(r"^#?\s*([A-Z_]+)=", example, flags=re.MULTILINE))
    assert read, "the settings read no variables?"
    assert read <= listed, f"missing from .env.example: {sorted(read - listed)}"
