/**
 * API calls per token (or per signed-in user) and minute: API_RATE_LIMIT_PER_MINUTE, 600 by
 * default. Counted in memory per server process (one process serves Flowgate; several would each
 * allow the limit), so the check costs no database round trip on the hot path. Every answer
 * carries RateLimit-Limit / -Remaining / -Reset; a refusal is 429 with Retry-After.
 */
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";

export interface RateVerdict {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
}

let limiter: { points: number; memory: RateLimiterMemory } | undefined;

function current(): { points: number; memory: RateLimiterMemory } {
  const points = env().API_RATE_LIMIT_PER_MINUTE;
  if (limiter?.points !== points) {
    limiter = { points, memory: new RateLimiterMemory({ points, duration: 60 }) };
  }
  return limiter;
}

export async function consumeApiCall(key: string): Promise<RateVerdict> {
  const { points, memory } = current();
  try {
    const res = await memory.consume(key);
    return verdict(true, points, res);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    return verdict(false, points, error);
  }
}

function verdict(allowed: boolean, limit: number, res: RateLimiterRes): RateVerdict {
  return {
    allowed,
    limit,
    remaining: Math.max(0, res.remainingPoints),
    resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
  };
}

export function rateLimitHeaders(verdict: RateVerdict): Record<string, string> {
  return {
    "ratelimit-limit": String(verdict.limit),
    "ratelimit-remaining": String(verdict.remaining),
    "ratelimit-reset": String(verdict.resetSeconds),
    ...(verdict.allowed ? {} : { "retry-after": String(verdict.resetSeconds) }),
  };
}
