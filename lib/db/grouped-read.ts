/**
 * Reads that arrive while one of their kind is in flight go together: the transition writer's rule
 * (transition-writer.ts), for reads on every API call's path. On two shared cores a statement's
 * socket hand-off to PostgreSQL and back costs more than the SQL (bench:api's profile: `writev`
 * was a fifth of the server's CPU under load), so under load N callers share one statement. Under
 * light load a read goes at once, alone: it waits only when a read of its kind is already in flight,
 * and then at most for that one round trip.
 *
 * Each caller keeps its own parameters (the statement takes them as arrays and answers per caller,
 * by position); a group's failure fails each of its callers (nothing was changed: these are reads).
 */
import type pg from "pg";

/** Reads more at once than this wait for the next group (a statement's arrays stay small). */
const MAX_GROUP = 64;

interface Waiting<K, R> {
  key: K;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

/**
 * A reader of one key that groups concurrent calls per pool. `readMany` gets the keys of a group
 * and gives one answer per key, in the same order.
 */
export function groupedRead<K, R>(
  readMany: (pool: pg.Pool, keys: K[]) => Promise<R[]>,
): (pool: pg.Pool, key: K) => Promise<R> {
  const state = new WeakMap<pg.Pool, { busy: boolean; queue: Waiting<K, R>[] }>();

  const run = (pool: pg.Pool, group: Waiting<K, R>[]) => {
    const own = state.get(pool);
    if (!own) return;
    own.busy = true;
    readMany(
      pool,
      group.map((w) => w.key),
    )
      .then(
        (answers) => {
          group.forEach((w, i) => {
            w.resolve(answers[i] as R);
          });
        },
        (error: unknown) => {
          for (const w of group) w.reject(error);
        },
      )
      .finally(() => {
        own.busy = false;
        if (own.queue.length > 0) run(pool, own.queue.splice(0, MAX_GROUP));
      });
  };

  return (pool, key) =>
    new Promise<R>((resolve, reject) => {
      let own = state.get(pool);
      if (!own) {
        own = { busy: false, queue: [] };
        state.set(pool, own);
      }
      const waiting = { key, resolve, reject };
      if (own.busy) own.queue.push(waiting);
      else run(pool, [waiting]);
    });
}

/**
 * A grouped statement's rows in its callers' order: each row carries `n`, its caller's 1-based
 * position (`unnest(...) WITH ORDINALITY`); a caller without a row gets null.
 */
export function byPosition<R extends { n: string | number }>(
  count: number,
  rows: R[],
): (R | null)[] {
  const answers: (R | null)[] = Array.from({ length: count }, () => null);
  for (const row of rows) answers[Number(row.n) - 1] = row;
  return answers;
}
