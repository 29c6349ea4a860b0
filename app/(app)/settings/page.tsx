import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { mySessions } from "@/lib/services/sessions";
import { settingsOf } from "@/lib/services/update-settings";
import { signOutElsewhereAction, updateSettingsAction } from "./actions";
import { SessionsForm } from "./sessions-form";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePermission("request:read-own");
  const [settings, sessions] = await Promise.all([settingsOf(db(), user), mySessions(db(), user)]);
  return (
    <>
      <PageHeader
        title="Settings"
        description="How Flowgate keeps you informed, and where you are signed in."
      />
      <SettingsForm initial={settings} action={updateSettingsAction} />
      <SessionsForm sessions={sessions} action={signOutElsewhereAction} />
    </>
  );
}
