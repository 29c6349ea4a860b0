-- Issue 14: the time zone a person reads times in (an IANA name such as "Europe/Berlin"; the app
-- checks it against the runtime's list). Null until they choose one or their browser tells us.
ALTER TABLE "users" ADD COLUMN "time_zone" TEXT;
