/** Token rows as the token tables show them (no secret: the id's first digits as a hint). */
import type { TokenView } from "@/lib/db/api-tokens";
import { tokenHint } from "./tokens";

export function tokenRows(tokens: readonly TokenView[]) {
  return tokens.map((token) => ({
    id: token.id,
    name: token.name,
    hint: tokenHint(token.id),
    scopes: token.scopes,
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
    owner: token.owner.name,
  }));
}
