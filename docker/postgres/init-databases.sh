#!/bin/bash
# Runs once, when the PostgreSQL volume is first initialised (docker-entrypoint-initdb.d):
# one database per service, all owned by the application user, and pg_trgm in the message database
# (message-service's migration also creates it; pg_trgm is a trusted extension since PostgreSQL 13,
# so a database owner may create it, but creating it here keeps migrations independent of that).
set -euo pipefail
for db in ${CHATLINE_DATABASES:-chat_auth chat_users chat_messages chat_groups chat_calls chat_attachments}; do
	echo "creating database ${db}"
	psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
		-c "CREATE DATABASE \"${db}\" OWNER \"${POSTGRES_USER}\""
done
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname chat_messages \
	-c "CREATE EXTENSION IF NOT EXISTS pg_trgm"
