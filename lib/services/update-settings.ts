/** A person changes their own settings (today: whether Flowgate emails them). */
import type { Db } from "@/lib/db/client";
import { AppError, zodIssues } from "@/lib/errors";
import { type SettingsInput, SettingsSchema } from "@/lib/forms/settings";
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
    data: { emailNotifications: parsed.data.emailNotifications },
    select: { emailNotifications: true },
  });
  return { emailNotifications: user.emailNotifications };
}

export async function settingsOf(db: Db, actor: ServiceActor): Promise<SettingsInput> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { emailNotifications: true },
  });
  return { emailNotifications: user.emailNotifications };
}
