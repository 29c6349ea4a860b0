import type { Metadata } from "next";
import { ApiTokenSection } from "@/components/api-token-forms";
import { DelegationSection } from "@/components/delegation-forms";
import { PageHeader } from "@/components/page-header";
import { grantableScopes } from "@/lib/api/scopes";
import { tokenRows } from "@/lib/api/token-rows";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { listTokens } from "@/lib/db/api-tokens";
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
import { createTokenAction, revokeTokenAction } from "./token-actions";

export const metadata: Metadata = { title: "Settings" };

/** The runtime's zones; "UTC" first (not every runtime lists it). */
const TIME_ZONES = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];

export default async function SettingsPage() {
  const user = await requirePermission("request:read-own");
  const [settings, sessions, delegations, tokens] = await Promise.all([
    settingsOf(db(), user),
    mySessions(db(), user),
    currentDelegations(db(), user.id, new Date()),
    listTokens(db(), { userId: user.id }),
  ]);
  return (
    <>
      <PageHeader
        title="Settings"
        description="How Flowgate keeps you informed, where you are signed in, and your API tokens."
      />
      <SettingsForm initial={settings} timeZones={TIME_ZONES} action={updateSettingsAction} />
      {can(user, "inbox:read") ? (
        <DelegationSection
          given={delegations.given}
          received={delegations.received}
          create={createDelegationAction}
          end={endDelegationAction}
        />
      ) : null}
      <SessionsForm sessions={sessions} action={signOutElsewhereAction} />
      <ApiTokenSection
        title="API tokens"
        description="For scripts and other systems that use the Flowgate API as you. A token acts as you, within its scopes; revoke it when it is no longer needed."
        tokens={tokenRows(tokens)}
        scopes={grantableScopes(user)}
        create={createTokenAction}
        revoke={revokeTokenAction}
      />
    </>
  );
}
