/**
 * Requests for the API's list: the caller's own (scope "mine"), or every request (scope "all",
 * for those who may read any: auditors, admins), newest first, keyset-paged by an opaque cursor.
 */
import { z } from "zod";
import { can } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { type OwnRequestRow, requestListPage } from "@/lib/db/request-view";
import type { RequestStatus, RequestType } from "@/lib/engine";
import { AppError } from "@/lib/errors";
import type { ServiceActor } from "./actor";

export interface ListRequestsInput {
  scope: "mine" | "all";
  status?: RequestStatus;
  type?: RequestType;
  q?: string;
  limit: number;
  cursor?: string;
}

export async function listRequests(
  db: Db,
  actor: ServiceActor,
  input: ListRequestsInput,
): Promise<{ items: (OwnRequestRow & { version: number })[]; nextCursor: string | null }> {
  if (input.scope === "all" && !can(actor, "request:read-any")) {
    throw new AppError("FORBIDDEN", "Your roles allow your own requests only (scope=mine).", [
      { field: "scope", message: "Needs the request:read-any permission." },
    ]);
  }
  const page = await requestListPage(db, {
    requesterId: input.scope === "mine" ? actor.id : null,
    status: input.status,
    type: input.type,
    q: input.q,
    limit: input.limit,
    after: input.cursor ? decodeListCursor(input.cursor) : null,
  });
  const last = page.items.at(-1);
  return {
    items: page.items,
    nextCursor: page.more && last ? encodeListCursor(last) : null,
  };
}

export function encodeListCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString("base64url");
}

export function decodeListCursor(value: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  const year = createdAt.getUTCFullYear();
  if (
    Number.isNaN(createdAt.getTime()) ||
    year < 1 ||
    year > 9999 ||
    !z.uuid().safeParse(id).success
  ) {
    throw new AppError("INVALID_REQUEST", "The cursor is invalid.", [
      { field: "cursor", message: "Use the nextCursor of a previous page." },
    ]);
  }
  return { createdAt, id: id as string };
}
