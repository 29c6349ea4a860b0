/**
 * Wakes the live logs of runs (GET /api/v1/runs/{id}/events) without a connection per reader:
 * one LISTEN connection per process on RUN_CHANNEL (every statement that appends to a run's log
 * NOTIFYs "<run id>:<last seq>", lib/db/runs.ts), fanned out to the readers of that run. A
 * notice only says "look": readers read the log from the last line they sent, so a notice lost
 * while reconnecting costs nothing but a moment (they also look every few seconds anyway).
 */
import pg from "pg";
import { RUN_CHANNEL } from "@/lib/db/runs";
import { log } from "@/lib/log";

type Wake = () => void;

class RunListener {
  private readers = new Map<string, Set<Wake>>();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private retryMs = 500;

  constructor(private readonly connectionString: string) {}

  subscribe(runId: string, wake: Wake): () => void {
    let set = this.readers.get(runId);
    if (!set) {
      set = new Set();
      this.readers.set(runId, set);
    }
    set.add(wake);
    void this.ensureConnected();
    return () => {
      set.delete(wake);
      if (set.size === 0) this.readers.delete(runId);
    };
  }

  private ensureConnected(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on("notification", (message) => {
      const runId = message.payload?.split(":")[0];
      if (runId) for (const wake of this.readers.get(runId) ?? []) wake();
    });
    client.on("error", (error) => {
      log.warn({ err: error }, "run listener connection lost");
      this.client = null;
      client.end().catch(() => {});
      // Everyone looks now (something may have been missed), then again once reconnected.
      for (const set of this.readers.values()) for (const wake of set) wake();
      setTimeout(() => void this.ensureConnected(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 10_000);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${RUN_CHANNEL}`);
      this.client = client;
      this.retryMs = 500;
    } catch (error) {
      log.warn({ err: error }, "run listener cannot connect");
      client.end().catch(() => {});
      setTimeout(() => void this.ensureConnected(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 10_000);
    }
  }
}

const holder = globalThis as { flowgateRunListeners?: Map<string, RunListener> };

/** The process's listener on this database. */
export function runListener(connectionString: string): RunListener {
  holder.flowgateRunListeners ??= new Map();
  let listener = holder.flowgateRunListeners.get(connectionString);
  if (!listener) {
    listener = new RunListener(connectionString);
    holder.flowgateRunListeners.set(connectionString, listener);
  }
  return listener;
}
