#!/bin/sh
# Runs once, when the postgres service initialises an empty data directory: the login role the
# application connects as. It owns its database and may create the application's runtime roles
# on the first migration (CREATEROLE), and it is not a superuser, so row-level security binds it.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  --set=password="$CLIENTELE_DB_PASSWORD" <<'SQL'
CREATE ROLE clientele LOGIN CREATEROLE NOSUPERUSER NOBYPASSRLS PASSWORD :'password';
CREATE DATABASE clientele OWNER clientele;
SQL
