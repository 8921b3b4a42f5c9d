# Production image of the archive. Mirrors the Makefile: locked dependencies, collectstatic,
# gunicorn serving config.wsgi. DATABASE_URL and DJANGO_SECRET_KEY are required at run time.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=config.settings \
    PORT=8000 \
    WEB_CONCURRENCY=2

WORKDIR /app

# Dependencies first, so that a code change does not reinstall them.
COPY requirements/base.txt requirements/base.txt
RUN pip install --require-hashes -r requirements/base.txt

RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin archive
COPY --chown=archive:archive . .

# Static files with hashed names, compressed, served by whitenoise. Settings need a database URL
# and a key to import; these placeholders are used for this build step only.
RUN DATABASE_URL=postgres://build@localhost/build DJANGO_SECRET_KEY=build-only \
    python manage.py collectstatic --no-input --verbosity 0

USER archive
EXPOSE 8000

# Run migrations once per release (e.g. `docker run ... python manage.py migrate`), then serve.
CMD ["sh", "-c", "test -n \"$DATABASE_URL\" || { echo 'DATABASE_URL is required' >&2; exit 1; }; exec gunicorn config.wsgi --bind 0.0.0.0:${PORT} --workers ${WEB_CONCURRENCY} --access-logfile - --forwarded-allow-ips='*'"]
