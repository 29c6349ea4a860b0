/**
 * A person makes an API token for themselves (Settings → API tokens), or an administrator makes
 * one for a service account. The token acts as its owner, narrowed to its scopes; a scope the
 * owner's roles do not allow cannot be given (lib/api/scopes.ts). A person's token lives at most a
 * year; only a service account's may have no expiry. The token is returned once and never stored
 * (only its secret's SHA-256). Audited on the owner's stream.
 */
import { randomUUID } from "node:crypto";
import { grantableScopes } from "@/lib/api/scopes";
import { issueToken } from "@/lib/api/tokens";
import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/client";
import { appendPeopleEvents, inTransaction, userStream } from "@/lib/db/people-audit";
import { AppError, zodIssues } from "@/lib/errors";
import { ApiTokenSchema } from "@/lib/forms/api-token";
import type { ServiceActor } from "./actor";

const DAY_MS = 86_400_000;

function refuse(field: string, message: string): never {
  throw new AppError("VALIDATION_FAILED", message, [{ field, message }]);
}

export interface CreatedToken {
  id: string;
  /** The token itself: shown once. */
  token: string;
  expiresAt: Date | null;
}

export async function createApiToken(
  db: Db,
  actor: ServiceActor,
  input: unknown,
  now = new Date(),
): Promise<CreatedToken> {
  const parsed = ApiTokenSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("VALIDATION_FAILED", "The token needs attention.", zodIssues(parsed.error));
  }
  const { name, expiresIn, userId } = parsed.data;
  const scopes = [...new Set(parsed.data.scopes)];
  const forService = userId !== undefined && userId !== actor.id;
  if (forService && !can(actor, "user:manage")) {
    throw new AppError("FORBIDDEN", "Only administrators make tokens for service accounts.");
  }
  if (expiresIn === "never" && !forService) {
    refuse("expiresIn", "A person's token expires: choose at most a year.");
  }
  const expiresAt =
    expiresIn === "never" ? null : new Date(now.getTime() + Number(expiresIn) * DAY_MS);
  const id = randomUUID();
  const issued = issueToken(id);
  const ownerId = forService ? (userId as string) : actor.id;
  await inTransaction(db, async (client) => {
    const owner = (
      await client.query<{ roles: Role[]; active: boolean; service: boolean }>(
        "SELECT roles::text[] AS roles, active, service FROM users WHERE id = $1::uuid FOR UPDATE",
        [ownerId],
      )
    ).rows[0];
    if (!owner || (forService && !owner.service)) {
      refuse("userId", "Choose a service account from the list.");
    }
    if (!owner.active) refuse("userId", "This account is deactivated.");
    const allowed = grantableScopes({ roles: owner.roles });
    const extra = scopes.filter((scope) => !allowed.includes(scope));
    if (extra.length) {
      refuse("scopes", `Its roles do not allow the scope ${extra.join(", ")}.`);
    }
    await client.query(
      `INSERT INTO api_tokens (id, user_id, name, scopes, secret_hash, created_by_id, created_at, expires_at)
       VALUES ($1::uuid, $2::uuid, $3, $4::text[], $5, $6::uuid, $7, $8)`,
      [id, ownerId, name, scopes, issued.secretHash, actor.id, now, expiresAt],
    );
    await appendPeopleEvents(
      client,
      userStream(ownerId),
      [
        {
          action: "TOKEN_CREATED",
          actor: { type: "USER", id: actor.id },
          data: { tokenId: id, name, scopes, expiresAt: expiresAt?.toISOString() ?? null },
        },
      ],
      now,
    );
  });
  return { id, token: issued.token, expiresAt };
}
