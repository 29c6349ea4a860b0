import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { settingsOf } from "@/lib/services/update-settings";
import { updateSettingsAction } from "./actions";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePermission("request:read-own");
  const settings = await settingsOf(db(), user);
  return (
    <>
      <PageHeader title="Settings" description="How Flowgate keeps you informed." />
      <SettingsForm initial={settings} action={updateSettingsAction} />
    </>
  );
}
