/** GET /api/v1/inbox: the steps the caller may decide now. */
import { endpoint } from "@/lib/api/v1/endpoint";
import { operations } from "@/lib/api/v1/operations";
import { inboxItem } from "@/lib/api/v1/present";
import { inboxFor } from "@/lib/services/inbox";

export const dynamic = "force-dynamic";

export const GET = endpoint(operations.inbox, async ({ db, principal, query, now }) => {
  const page = await inboxFor(db, principal.user, query, now);
  return { body: { items: page.items.map(inboxItem), nextCursor: page.nextCursor } };
});
