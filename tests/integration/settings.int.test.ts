/**
 * Personal settings (issue 14): the time zone a person reads times in — taken from their browser
 * once when they have none, then only changed by them — and email on or off. Bad input changes
 * nothing.
 */
import { describe, expect, it } from "vitest";
import { liveSession, openSession } from "@/lib/db/sessions";
import { AppError } from "@/lib/errors";
import { adoptBrowserTimeZone, settingsOf, updateSettings } from "@/lib/services/update-settings";
import { createUserAs, setupWorld } from "./world";

const ctx = setupWorld();
const NOW = new Date("2031-05-06T09:00:00Z");

const person = (name: string) =>
  createUserAs(ctx.t.db, `${name}@settings.test`, ["REQUESTER"], ctx.w.eng);

describe("the time zone", () => {
  it("is taken from the browser once, and a choice in Settings is never overridden", async () => {
    const actor = await person("zone-first");
    expect((await settingsOf(ctx.t.db, actor)).timeZone).toBeNull();
    expect(await adoptBrowserTimeZone(ctx.t.db, actor, "Europe/Berlin")).toEqual({
      timeZone: "Europe/Berlin",
    });
    // Another browser (a laptop abroad) does not move it.
    expect(await adoptBrowserTimeZone(ctx.t.db, actor, "Asia/Tokyo")).toEqual({
      timeZone: "Europe/Berlin",
    });
    await updateSettings(ctx.t.db, actor, { emailNotifications: true, timeZone: "Asia/Tokyo" });
    expect(await settingsOf(ctx.t.db, actor)).toEqual({
      emailNotifications: true,
      timeZone: "Asia/Tokyo",
    });
  });

  it("reaches the session (and does not end it)", async () => {
    const actor = await person("zone-session");
    const sid = await openSession(ctx.t.db, {
      userId: actor.id,
      maxAgeSeconds: 3600,
      userAgent: "curl/8",
      now: NOW,
    });
    await updateSettings(ctx.t.db, actor, { emailNotifications: false, timeZone: "America/Lima" });
    expect(await liveSession(ctx.t.db, sid, NOW)).toMatchObject({ timeZone: "America/Lima" });
  });

  it("refuses a zone the runtime does not know, naming the field, and changes nothing", async () => {
    const actor = await person("zone-bad");
    await updateSettings(ctx.t.db, actor, { emailNotifications: true, timeZone: "Europe/Paris" });
    for (const zone of ["Mars/Olympus", "", "Europe/Paris; DROP TABLE users", 42]) {
      const error = await updateSettings(ctx.t.db, actor, {
        emailNotifications: false,
        timeZone: zone,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("VALIDATION_FAILED");
      expect((error as AppError).issues.map((issue) => issue.field)).toContain("timeZone");
      await expect(adoptBrowserTimeZone(ctx.t.db, actor, zone)).rejects.toBeInstanceOf(AppError);
    }
    expect(await settingsOf(ctx.t.db, actor)).toEqual({
      emailNotifications: true,
      timeZone: "Europe/Paris",
    });
  });
});
