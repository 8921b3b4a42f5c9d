"""The embedded PostgreSQL used when ``DATABASE_URL`` is not set.

``pgserver`` ships real PostgreSQL 16 binaries in a wheel. We keep its data folder inside the
project (``.data/postgres``, git-ignored) and talk to it over a Unix socket, so it never collides
with a server listening on port 5432. The server is started on first use and keeps running until
``make stop`` (``python -m config.embedded_db stop``).

Run as a script: ``python -m config.embedded_db start|stop|status|url``.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import sys
import warnings
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("ARCHIVE_DATA_DIR", BASE_DIR / ".data"))
PGDATA = DATA_DIR / "postgres"
DATABASE_NAME = "archive"


def _running_info():
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (containers, CI); harmless here.
        warnings.simplefilter("ignore")
        from pgserver.utils import PostmasterInfo

    info = PostmasterInfo.read_from_pgdata(PGDATA)
    if info is not None and info.is_running() and info.status == "ready":
        return info
    return None


def ensure_running() -> str:
    """Start the embedded server if needed; return the URL of the archive database."""
    info = _running_info()
    if info is None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import pgserver

        DATA_DIR.mkdir(parents=True, exist_ok=True)
        logging.getLogger("pgserver").setLevel(logging.WARNING)
        # cleanup_mode=None: the server outlives this process (gunicorn, manage.py, pytest).
        server = pgserver.get_server(PGDATA, cleanup_mode=None)
        info = server.get_postmaster_info()
    _ensure_database(info.get_uri(database="postgres"))
    return info.get_uri(database=DATABASE_NAME)


def _ensure_database(admin_uri: str) -> None:
    import psycopg
    from psycopg import sql

    marker = PGDATA / ".archive-database-created"
    if marker.exists():
        return
    with psycopg.connect(admin_uri, autocommit=True) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]
        ).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(DATABASE_NAME)))
    marker.touch()


def stop() -> bool:
    info = _running_info()
    if info is None:
        return False
    from pgserver._commands import pg_ctl

    user = "pgserver" if os.name == "posix" and os.geteuid() == 0 else None
    with contextlib.redirect_stdout(io.StringIO()):
        pg_ctl(["-w", "stop", "-m", "fast"], pgdata=PGDATA, user=user)
    return True


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "status"
    if command == "start":
        print(f"Embedded PostgreSQL running: {ensure_running()}")
    elif command == "url":
        print(ensure_running())
    elif command == "stop":
        print("Embedded PostgreSQL stopped." if stop() else "Embedded PostgreSQL was not running.")
    elif command == "status":
        info = _running_info()
        print(f"running (pid {info.pid}, socket {info.socket_dir})" if info else "stopped")
    else:
        print(f"usage: python -m config.embedded_db start|stop|status|url (not {command!r})")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
