import type { Metadata } from "next";
import { DelegationSection } from "@/components/delegation-forms";
import { PageHeader } from "@/components/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { currentDelegations } from "@/lib/db/delegations";
import { mySessions } from "@/lib/services/sessions";
import { settingsOf } from "@/lib/services/update-settings";
import {
  createDelegationAction,
  endDelegationAction,
  signOutElsewhereAction,
  updateSettingsAction,
} from "./actions";
import { SessionsForm } from "./sessions-form";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePermission("request:read-own");
  const [settings, sessions, delegations] = await Promise.all([
    settingsOf(db(), user),
    mySessions(db(), user),
    currentDelegations(db(), user.id, new Date()),
  ]);
  return (
    <>
      <PageHeader
        title="Settings"
        description="How Flowgate keeps you informed, and where you are signed in."
      />
      <SettingsForm initial={settings} action={updateSettingsAction} />
      {can(user, "inbox:read") ? (
        <DelegationSection
          given={delegations.given}
          received={delegations.received}
          create={createDelegationAction}
          end={endDelegationAction}
        />
      ) : null}
      <SessionsForm sessions={sessions} action={signOutElsewhereAction} />
    </>
  );
}
