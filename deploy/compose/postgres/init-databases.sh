#!/usr/bin/env bash
# Runs once, when the PostgreSQL volume is new (docker-entrypoint-initdb.d): one role for the
# platform's services and their two databases, and Keycloak's role and database. The passwords come
# from the environment (.env), never from this file.
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v upr_user="$UPR_DB_USER" -v upr_password="$UPR_DB_PASSWORD" \
  -v keycloak_user="$KEYCLOAK_DB_USER" -v keycloak_password="$KEYCLOAK_DB_PASSWORD" <<'SQL'
CREATE ROLE :"upr_user" LOGIN PASSWORD :'upr_password';
CREATE DATABASE upr_engine OWNER :"upr_user";
CREATE DATABASE upr_notification OWNER :"upr_user";
CREATE ROLE :"keycloak_user" LOGIN PASSWORD :'keycloak_password';
CREATE DATABASE keycloak OWNER :"keycloak_user";
SQL
