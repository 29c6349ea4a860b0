/**
 * GET /api/live: server-sent events that keep an open page current.
 *   ?request=<id>   the request's new version and status whenever it changes (who may see it only)
 *   ?scope=inbox    a nudge whenever a step joins or leaves one of the user's inbox queues
 * Each process serves them from one LISTEN connection (lib/live/hub.ts). Reconnecting with
 * Last-Event-ID replays what was missed, or says "resync" when that is unknown here; pages fall
 * back to polling when the stream fails.
 */
import { apiRoute } from "@/lib/api/route";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { inboxQueues } from "@/lib/db/inbox";
import { loadRequest } from "@/lib/db/requests";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { type LiveEvent, liveHub } from "@/lib/live/hub";
import { viewRequest } from "@/lib/services/view-request";

export const dynamic = "force-dynamic";

const KEEPALIVE_MS = 25_000;

export const GET = apiRoute({ permission: "request:read-own" }, async (request, { user }) => {
  // biome-ignore lint/style/noNonNullAssertion: apiRoute guarantees a user for non-public routes
  const me = user!;
  const params = new URL(request.url).searchParams;
  const requestId = params.get("request");
  let accept: (event: LiveEvent) => { event: string; data: unknown } | null;
  if (requestId) {
    await viewRequest(db(), me, requestId); // NOT_FOUND unless this user may see it
    accept = (event) => {
      if (event.kind === "resync" || event.notice.many) return { event: "resync", data: {} };
      const change = event.notice.requests.find((r) => r.id === requestId);
      return change
        ? { event: "request", data: { version: change.version, status: change.status } }
        : null;
    };
  } else if (params.get("scope") === "inbox") {
    if (!can(me, "inbox:read")) throw new AppError("FORBIDDEN", "Your roles do not allow this.");
    const queues = new Set(
      inboxQueues({ id: me.id, roles: me.roles, departmentId: me.department?.id ?? null }).map(
        (q) => `${q.role}:${q.departmentId ?? ""}`,
      ),
    );
    accept = (event) => {
      if (event.kind === "resync" || event.notice.many) return { event: "resync", data: {} };
      return event.notice.queues.some((q) => queues.has(q)) ? { event: "inbox", data: {} } : null;
    };
  } else {
    throw new AppError("VALIDATION_FAILED", "Say what to follow.", [
      { field: "scope", message: "Use ?request=<id> or ?scope=inbox." },
    ]);
  }

  const hub = liveHub(env().DATABASE_URL);
  const lastHeader = request.headers.get("last-event-id");
  const lastEventId = lastHeader && /^\d{1,15}$/.test(lastHeader) ? Number(lastHeader) : undefined;
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      write(`retry: 5000\nid: ${hub.lastId}\nevent: ready\ndata: {}\n\n`);
      const unsubscribe = hub.subscribe((event) => {
        const message = accept(event);
        if (message) {
          write(
            `id: ${event.id}\nevent: ${message.event}\ndata: ${JSON.stringify(message.data)}\n\n`,
          );
        }
      }, lastEventId);
      // What changed between the page's render and this subscription: the request as it is now
      // (read after subscribing, so nothing falls in between), or a nudge for the inbox.
      void (
        requestId
          ? loadRequest(db(), requestId).then((now) => {
              if (now) {
                write(
                  `event: request\ndata: ${JSON.stringify({ version: now.version, status: now.state.status })}\n\n`,
                );
              }
            })
          : Promise.resolve(write("event: inbox\ndata: {}\n\n"))
      ).catch(() => {});
      const keepalive = setInterval(() => write(": keepalive\n\n"), KEEPALIVE_MS);
      cleanup = () => {
        clearInterval(keepalive);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed
        }
        cleanup = () => {};
      };
      request.signal.addEventListener("abort", () => cleanup());
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store, no-transform",
      "x-accel-buffering": "no",
    },
  });
});
