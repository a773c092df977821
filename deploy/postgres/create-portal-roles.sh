#!/bin/sh
# Runs once, as the superuser, when the PostgreSQL container first creates its data directory
# (docs/audit-integrity.md "Database roles"): the schema's owner runs the migrations, the portal connects as
# portal_app, which may only read and append the audit trail.
set -e
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
CREATE ROLE portal_owner LOGIN PASSWORD '${PORTAL_OWNER_PASSWORD}';
CREATE ROLE portal_app LOGIN PASSWORD '${PORTAL_APP_PASSWORD}';
CREATE DATABASE portal OWNER portal_owner;
SQL
