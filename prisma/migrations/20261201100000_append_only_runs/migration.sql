-- Decisions and node visits are written once, whole (lib/db/transition-writer.ts), like the audit
-- trail: the database refuses to change or remove them (issue 12).
CREATE FUNCTION "append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER "decisions_no_update_or_delete"
  BEFORE UPDATE OR DELETE ON "decisions"
  FOR EACH ROW EXECUTE FUNCTION "append_only"();
CREATE TRIGGER "decisions_no_truncate"
  BEFORE TRUNCATE ON "decisions"
  FOR EACH STATEMENT EXECUTE FUNCTION "append_only"();

CREATE TRIGGER "node_visits_no_update_or_delete"
  BEFORE UPDATE OR DELETE ON "node_visits"
  FOR EACH ROW EXECUTE FUNCTION "append_only"();
CREATE TRIGGER "node_visits_no_truncate"
  BEFORE TRUNCATE ON "node_visits"
  FOR EACH STATEMENT EXECUTE FUNCTION "append_only"();

-- Signed audit checkpoints (lib/audit/checkpoints.ts) read the chains that moved since the last.
CREATE INDEX "requests_updated_at_idx" ON "requests" ("updated_at");
