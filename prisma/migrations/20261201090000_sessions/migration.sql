-- Sessions that really end (issue 12). Each sign-in gets a row; the session cookie (a JWT) names
-- it, and every request checks it is neither revoked nor expired and that its user is active.
CREATE TABLE "sessions" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_reason" TEXT,
    "user_agent" TEXT,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE INDEX "sessions_user_id_revoked_at_idx" ON "sessions"("user_id", "revoked_at");
CREATE INDEX "sessions_expires_at_idx" ON "sessions"("expires_at");

-- Whatever path changes a user (an admin page, a script, SQL by hand), deactivating them or
-- changing their roles, department or password ends every session they have at once.
CREATE FUNCTION "revoke_sessions_on_user_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE sessions
     SET revoked_at = now(),
         revoked_reason = CASE
           WHEN NOT NEW.active THEN 'deactivated'
           WHEN NEW.password_hash IS DISTINCT FROM OLD.password_hash THEN 'password changed'
           ELSE 'roles or department changed'
         END
   WHERE user_id = NEW.id AND revoked_at IS NULL;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "users_revoke_sessions"
  AFTER UPDATE OF "active", "roles", "department_id", "password_hash" ON "users"
  FOR EACH ROW
  WHEN (OLD."active" IS DISTINCT FROM NEW."active"
     OR OLD."roles" IS DISTINCT FROM NEW."roles"
     OR OLD."department_id" IS DISTINCT FROM NEW."department_id"
     OR OLD."password_hash" IS DISTINCT FROM NEW."password_hash")
  EXECUTE FUNCTION "revoke_sessions_on_user_change"();
