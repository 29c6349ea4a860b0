/**
 * Live updates without a connection per browser: each process holds one PostgreSQL connection
 * that LISTENs on LIVE_CHANNEL (every statement that changes a request NOTIFYs it, at commit) and
 * fans each notice out to its own server-sent-event clients (app/api/live/route.ts).
 *
 * Events get ids from a per-process counter, and the last few hundred are kept so a client that
 * reconnects with Last-Event-ID gets what it missed; a client whose id is unknown here (another
 * process, or too long ago) gets a "resync" and refetches. When the LISTEN connection drops, every
 * client is told to resync and the hub reconnects with backoff.
 */
import pg from "pg";
import { LIVE_CHANNEL } from "@/lib/db/transition-writer";
import { log } from "@/lib/log";

export interface LiveNotice {
  /** Changed requests: id, version, status (absent when a notice covers too many: `many`). */
  requests: { id: string; version: number; status: string }[];
  /** Inbox queues ("ROLE:department id") that gained or lost a request. */
  queues: string[];
  /** Too many requests changed to list: every open page should refetch. */
  many: boolean;
}

export type LiveEvent =
  | { id: number; kind: "notice"; notice: LiveNotice }
  | { id: number; kind: "resync" };

type Listener = (event: LiveEvent) => void;

const KEEP = 500;

export class LiveHub {
  private listeners = new Set<Listener>();
  private recent: LiveEvent[] = [];
  private counter = 0;
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private retryMs = 500;
  private closed = false;

  constructor(private readonly connectionString: string) {}

  /** Subscribes; replays what came after `lastEventId` when it is still known, else sends a resync. */
  subscribe(listener: Listener, lastEventId?: number): () => void {
    this.listeners.add(listener);
    void this.ensureConnected();
    if (lastEventId !== undefined) {
      const index = this.recent.findIndex((e) => e.id === lastEventId);
      if (index >= 0) for (const event of this.recent.slice(index + 1)) listener(event);
      else listener({ id: this.counter, kind: "resync" });
    }
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** The id of the newest event, for a client that starts now. */
  get lastId(): number {
    return this.counter;
  }

  private emit(event: { kind: "notice"; notice: LiveNotice } | { kind: "resync" }) {
    const withId: LiveEvent = { ...event, id: ++this.counter };
    this.recent.push(withId);
    if (this.recent.length > KEEP) this.recent.splice(0, this.recent.length - KEEP);
    for (const listener of this.listeners) listener(withId);
  }

  private ensureConnected(): Promise<void> {
    if (this.client || this.closed) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on("notification", (message) => {
      if (message.channel !== LIVE_CHANNEL || !message.payload) return;
      const notice = parseNotice(message.payload);
      if (notice) this.emit({ kind: "notice", notice });
    });
    client.on("error", (error) => {
      log.warn({ err: error, component: "live" }, "live updates connection lost; reconnecting");
      this.dropped(client);
    });
    client.on("end", () => this.dropped(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
      this.client = client;
      this.retryMs = 500;
    } catch (error) {
      log.warn({ err: error, component: "live" }, "live updates could not connect; retrying");
      await client.end().catch(() => {});
      this.scheduleReconnect();
    }
  }

  private dropped(client: pg.Client) {
    if (this.client !== client) return;
    this.client = null;
    // Whatever happened meanwhile is unknown: every page refetches.
    this.emit({ kind: "resync" });
    this.scheduleReconnect();
  }

  private scheduleReconnect() {
    if (this.closed) return;
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, 30_000);
    setTimeout(() => void this.ensureConnected(), wait).unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.client?.end().catch(() => {});
    this.client = null;
  }
}

export function parseNotice(payload: string): LiveNotice | null {
  try {
    const raw = JSON.parse(payload) as { r?: unknown; q?: unknown; many?: unknown };
    const requests = Array.isArray(raw.r)
      ? raw.r
          .filter((row): row is [string, number, string] => Array.isArray(row) && row.length === 3)
          .map(([id, version, status]) => ({
            id: String(id),
            version: Number(version),
            status: String(status),
          }))
      : [];
    const queues = Array.isArray(raw.q)
      ? raw.q.filter((q): q is string => typeof q === "string")
      : [];
    return { requests, queues, many: raw.many === true };
  } catch {
    return null;
  }
}

// One hub per process, kept on globalThis (Next.js bundles this module into several chunks).
const HUB = Symbol.for("flowgate.live.hub");

export function liveHub(connectionString: string): LiveHub {
  const holder = globalThis as unknown as { [HUB]?: LiveHub };
  holder[HUB] ??= new LiveHub(connectionString);
  return holder[HUB];
}
