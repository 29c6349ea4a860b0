/**
 * The home page as a dashboard: what waits for the person (and how much of it is overdue), their
 * open requests and where each stands, and recent decisions — each with its count.
 */
import { can } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { delegatorsOf } from "@/lib/db/delegations";
import {
  decisionsSince,
  type OpenRequest,
  openRequestsOf,
  type RecentDecision,
  recentDecisionsFor,
} from "@/lib/db/home";
import { inboxCounts } from "@/lib/db/inbox";
import type { ServiceActor } from "./actor";
import { type InboxEntry, inboxFor } from "./inbox";

export interface Home {
  /** Null for people who decide nothing. */
  waiting: { count: number; overdue: number; first: InboxEntry[] } | null;
  open: { count: number; items: OpenRequest[] } | null;
  decisions: { lastWeek: number; recent: RecentDecision[] };
}

const WEEK_MS = 7 * 86_400_000;

export async function homeFor(db: Db, user: ServiceActor, now = new Date()): Promise<Home> {
  const decides = can(user, "inbox:read");
  // Whom they stand in for, read once for the count and the first items (with the session, when
  // the user came from one).
  const standingInFor = decides
    ? (user.standingInFor ?? (await delegatorsOf(db, user.id, now)))
    : [];
  const inboxUser = {
    id: user.id,
    roles: user.roles,
    departmentId: user.department?.id ?? null,
    standingInFor,
  };
  const [counts, inbox, open, recent, lastWeek] = await Promise.all([
    decides ? inboxCounts(db, inboxUser, now) : null,
    decides ? inboxFor(db, { ...user, standingInFor }, { limit: 5 }, now) : null,
    can(user, "request:read-own") ? openRequestsOf(db, user.id, 5) : null,
    recentDecisionsFor(db, user.id, 5),
    decides ? decisionsSince(db, user.id, new Date(now.getTime() - WEEK_MS)) : 0,
  ]);
  return {
    waiting:
      counts && inbox
        ? { count: counts.waiting, overdue: counts.overdue, first: inbox.items }
        : null,
    open: open ? { count: open.total, items: open.items } : null,
    decisions: { lastWeek, recent },
  };
}
