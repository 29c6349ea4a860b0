/** A person changes their own settings: whether Flowgate emails them, the time zone they read. */
import type { Db } from "@/lib/db/client";
import { AppError, zodIssues } from "@/lib/errors";
import { type SettingsInput, SettingsSchema, TimeZoneSchema } from "@/lib/forms/settings";
import type { ServiceActor } from "./actor";

export async function updateSettings(
  db: Db,
  actor: ServiceActor,
  input: unknown,
): Promise<SettingsInput> {
  const parsed = SettingsSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("VALIDATION_FAILED", "The settings are invalid.", zodIssues(parsed.error));
  }
  const user = await db.user.update({
    where: { id: actor.id },
    data: { emailNotifications: parsed.data.emailNotifications, timeZone: parsed.data.timeZone },
    select: { emailNotifications: true, timeZone: true },
  });
  return user;
}

/**
 * Takes the browser's time zone for someone who has not chosen one (their first visit): times
 * read right from then on, and Settings can change it. A zone chosen already is kept.
 */
export async function adoptBrowserTimeZone(
  db: Db,
  actor: ServiceActor,
  zone: unknown,
): Promise<{ timeZone: string | null }> {
  const parsed = TimeZoneSchema.safeParse(zone);
  if (!parsed.success) {
    throw new AppError("VALIDATION_FAILED", "The time zone is invalid.", zodIssues(parsed.error));
  }
  await db.user.updateMany({
    where: { id: actor.id, timeZone: null },
    data: { timeZone: parsed.data },
  });
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { timeZone: true },
  });
  return user;
}

export async function settingsOf(db: Db, actor: ServiceActor): Promise<SettingsInput> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { emailNotifications: true, timeZone: true },
  });
  return user;
}
