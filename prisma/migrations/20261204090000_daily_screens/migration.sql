-- Issue 14 (the daily screens).
-- The time zone a person reads times in (an IANA name such as "Europe/Berlin"; the app checks it
-- against the runtime's list). Null until they choose one or their browser tells us.
ALTER TABLE "users" ADD COLUMN "time_zone" TEXT;

-- The home page: a person's recent decisions and how many they made this week.
CREATE INDEX "decisions_actor_id_created_at_idx" ON "decisions"("actor_id", "created_at" DESC);
