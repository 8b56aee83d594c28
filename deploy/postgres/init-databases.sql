-- One database per service, owned by the application role.
-- Run once by the postgres image on an empty data directory (/docker-entrypoint-initdb.d),
-- as POSTGRES_USER, which docker-compose.yml sets to "telephony".
-- On a managed/external server, run it as an administrator after creating the role:
--   CREATE ROLE telephony LOGIN PASSWORD '...';
-- Each service creates and upgrades its own schema at start (its migrations).
CREATE DATABASE portal OWNER telephony;
CREATE DATABASE callcontrol OWNER telephony;
CREATE DATABASE mediaserver OWNER telephony;
CREATE DATABASE provisioning OWNER telephony;
