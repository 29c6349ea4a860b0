/**
 * The app's configuration, read from the environment once and validated. Every variable is listed
 * in README.md ("Configuration"). The launcher (scripts/run.ts) fills DATABASE_URL and AUTH_SECRET
 * when it runs the embedded database.
 */
import { z } from "zod";

const MAX_SIGNIN_FAILURES = 1_000_000;
const MAX_BLOCK_MINUTES = 7 * 24 * 60;

export const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set (the launcher sets it; see README)" })
    .url("DATABASE_URL must be a postgresql:// URL"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /**
   * Failed sign-ins allowed per client address, and per account at one address, before a pause;
   * past the per-account number (from all addresses) the account is slowed (lib/auth/
   * sign-in-throttle.ts). The bound keeps
   * the counters (rate_limits.points, a 32-bit integer) far from overflowing: a paused key is not
   * counted further, so a counter never passes its limit by more than the sign-ins in flight.
   */
  SIGNIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).max(MAX_SIGNIN_FAILURES).default(20),
  SIGNIN_MAX_FAILURES_PER_ACCOUNT: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_SIGNIN_FAILURES)
    .default(10),
  /** The counting window and the pause: at most a week (a longer pause locks people out). */
  SIGNIN_BLOCK_MINUTES: z.coerce.number().int().min(1).max(MAX_BLOCK_MINUTES).default(15),
  /** API calls per token (or signed-in user) per minute, per server process (lib/api/rate-limit.ts). */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  cached ??= EnvSchema.parse(process.env);
  return cached;
}

/** For tests that change variables between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}
