#!/bin/sh
# Runs once, when the postgres service initialises an empty data directory: the two logins.
# `clientele` owns the database and the tables; it migrates (the migrate service), creating the
# application's runtime roles on the first migration (CREATEROLE) and granting them to the other.
# `clientele_runtime` is the login the app runs as: it owns nothing, so it can neither truncate
# nor delete nor rewrite the audit trail. Neither is a superuser (row-level security binds them).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  --set=password="$CLIENTELE_DB_PASSWORD" \
  --set=runtime_password="$CLIENTELE_RUNTIME_DB_PASSWORD" <<'SQL'
CREATE ROLE clientele LOGIN CREATEROLE NOSUPERUSER NOBYPASSRLS PASSWORD :'password';
CREATE ROLE clientele_runtime LOGIN NOCREATEROLE NOCREATEDB NOSUPERUSER NOBYPASSRLS PASSWORD :'runtime_password';
CREATE DATABASE clientele OWNER clientele;
SQL
