"""The roles a database administrator gives a team's store on PostgreSQL (``init --roles``).

The tables belong to ``atr_owner``, a role nobody logs in as. Officers log in as their own
roles: ``atr_secretariat`` members read and write (but may not UPDATE, DELETE or TRUNCATE
the audit trail; an erasure redacts it only through ``audit_redact``, which runs as the
owner; they take, renew and release leases on minutes and registers), ``atr_chair``
members only read (they see who holds a lease, and never take one). Printed for the
administrator to read and run, never run by the app: it is theirs to decide.
"""

from __future__ import annotations

OWNER, SECRETARIAT, CHAIR = "atr_owner", "atr_secretariat", "atr_chair"


def roles_sql() -> str:
    """SQL to run once, as the database's owner or a superuser, after ``init``."""
    return f"""-- ATR Desktop: roles for a team's store; run once, after 'atr-desktop init'.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{OWNER}') THEN
    CREATE ROLE {OWNER} NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{SECRETARIAT}') THEN
    CREATE ROLE {SECRETARIAT} NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{CHAIR}') THEN
    CREATE ROLE {CHAIR} NOLOGIN; END IF;
END $$;

-- Everything the store is made of belongs to the owner, whom nobody logs in as.
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
    EXECUTE format('ALTER TABLE public.%I OWNER TO {OWNER}', r.tablename); END LOOP;
  FOR r IN SELECT p.oid::regprocedure AS f FROM pg_proc p
           JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'public' AND NOT EXISTS (
             SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') LOOP
    EXECUTE format('ALTER FUNCTION %s OWNER TO {OWNER}', r.f); END LOOP;
END $$;
ALTER TEXT SEARCH CONFIGURATION atr_search OWNER TO {OWNER};

-- The secretariat reads and writes; the audit trail only grows.
GRANT USAGE ON SCHEMA public TO {SECRETARIAT}, {CHAIR};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {SECRETARIAT};
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM {SECRETARIAT};
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {SECRETARIAT};
-- Erasure goes through audit_redact, whichever version this store's schema has (so the
-- same SQL serves a store an older app made, before the app upgrades it).
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT p.oid::regprocedure AS f FROM pg_proc p
           JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'public' AND p.proname = 'audit_redact' LOOP
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO {SECRETARIAT}', r.f); END LOOP;
END $$;
-- Leases (who is editing a meeting's minutes or register) are among ALL TABLES above.

-- A chair looks things up.
GRANT SELECT ON ALL TABLES IN SCHEMA public TO {CHAIR};

-- Then one login per officer, for example:
--   CREATE ROLE alex LOGIN IN ROLE {SECRETARIAT};
--   CREATE ROLE sam LOGIN IN ROLE {CHAIR};
-- (passwords in each officer's PostgreSQL password file, never in ATR Desktop's settings)
"""
