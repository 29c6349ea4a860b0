/**
 * GET /api/v1/runs/{id}/events: the run's log as server-sent events. Each line is sent once, in
 * order, with its number as the event id; a reader that reconnects with Last-Event-ID (or
 * ?after=) gets what came after. Lines are read from the log itself whenever this process hears
 * the run changed (lib/graph/run-listener.ts) and every few seconds regardless; the stream ends
 * with `end` once the run has finished and its last line was sent.
 */
import { endpoint } from "@/lib/api/v1/endpoint";
import { operations } from "@/lib/api/v1/operations";
import { poolOf } from "@/lib/db/client";
import { readRun, runLog } from "@/lib/db/runs";
import { env } from "@/lib/env";
import { FINISHED_RUN_STATUSES } from "@/lib/graph/model";
import { runListener } from "@/lib/graph/run-listener";
import { readableRun } from "@/lib/services/runs/view-run";

export const dynamic = "force-dynamic";

const POLL_MS = 5_000;
const KEEPALIVE_MS = 25_000;

export const GET = endpoint(
  operations.runEvents,
  async ({ db, principal, params, query, request }) => {
    const run = await readableRun(db, principal.user, params.id);
    const header = request.headers.get("last-event-id");
    let sent = header && /^\d{1,15}$/.test(header) ? Number(header) : (query.after ?? 0);
    const pool = poolOf(db);
    const encoder = new TextEncoder();
    let stop = () => {};
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        let closed = false;
        let busy = false;
        let again = false;
        const write = (text: string) => {
          if (closed) return;
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            stop();
          }
        };
        // Reads what is new and sends it; one read at a time, another right after if woken meanwhile.
        const pump = async () => {
          if (busy) {
            again = true;
            return;
          }
          busy = true;
          try {
            do {
              again = false;
              const lines = await runLog(pool, run.id, sent, 500);
              for (const line of lines) {
                write(`id: ${line.seq}\nevent: log\ndata: ${JSON.stringify(line)}\n\n`);
                sent = line.seq;
              }
              if (lines.length === 500) again = true;
              else {
                const now = await readRun(pool, run.id);
                if (now && FINISHED_RUN_STATUSES.has(now.status) && sent >= now.logSeq) {
                  write(`event: end\ndata: ${JSON.stringify({ status: now.status })}\n\n`);
                  stop();
                  return;
                }
              }
            } while (again && !closed);
          } catch {
            stop();
          } finally {
            busy = false;
          }
        };
        const unsubscribe = runListener(env().DATABASE_URL).subscribe(run.id, () => void pump());
        const poll = setInterval(() => void pump(), POLL_MS);
        const keepalive = setInterval(() => write(": keepalive\n\n"), KEEPALIVE_MS);
        stop = () => {
          if (closed) return;
          closed = true;
          unsubscribe();
          clearInterval(poll);
          clearInterval(keepalive);
          try {
            controller.close();
          } catch {}
        };
        request.signal.addEventListener("abort", () => stop());
        write("retry: 3000\n\n");
        void pump();
      },
      cancel() {
        stop();
      },
    });
    return { body: null, stream };
  },
);
