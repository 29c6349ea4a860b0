/**
 * Slows down password guessing. Failed sign-ins are counted in PostgreSQL (so every app process
 * shares the counts) per client address and per account; past the limit, that address or account
 * is paused for SIGNIN_BLOCK_MINUTES and gets a "try again in N minutes" answer without its password
 * even being checked. A successful sign-in clears the account's count.
 *
 * The account counter matters because the client address is only trustworthy behind a proxy that
 * sets X-Forwarded-For (TRUST_PROXY); without one a client can vary it freely.
 */
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/lib/db/client";

export interface ThrottleLimits {
  maxFailuresPerAddress: number;
  maxFailuresPerAccount: number;
  blockMinutes: number;
}

export interface SignInThrottle {
  /** Seconds to wait when blocked, otherwise 0. */
  retryAfter(address: string, email: string): Promise<number>;
  recordFailure(address: string, email: string): Promise<void>;
  recordSuccess(email: string): Promise<void>;
}

export function createSignInThrottle(db: Db, limits: ThrottleLimits, sweep = true): SignInThrottle {
  const window = limits.blockMinutes * 60;
  const common = { storeClient: db, tableName: "rateLimit", clearExpiredByTimeout: sweep };
  const byAddress = new RateLimiterPrisma({
    ...common,
    keyPrefix: "signin:ip",
    points: limits.maxFailuresPerAddress,
    duration: window,
    blockDuration: window,
  });
  const byAccount = new RateLimiterPrisma({
    ...common,
    keyPrefix: "signin:acct",
    points: limits.maxFailuresPerAccount,
    duration: window,
    blockDuration: window,
  });

  const blockedFor = (res: RateLimiterRes | null, limit: number) =>
    res && res.consumedPoints >= limit ? Math.ceil(res.msBeforeNext / 1000) : 0;

  return {
    async retryAfter(address, email) {
      const [ip, account] = await Promise.all([byAddress.get(address), byAccount.get(email)]);
      return Math.max(
        blockedFor(ip, limits.maxFailuresPerAddress),
        blockedFor(account, limits.maxFailuresPerAccount),
      );
    },
    async recordFailure(address, email) {
      // consume() rejects with a RateLimiterRes once the limit is passed; that is the block itself.
      const swallowLimit = (error: unknown) => {
        if (!(error instanceof RateLimiterRes)) throw error;
      };
      await Promise.all([
        byAddress.consume(address).catch(swallowLimit),
        byAccount.consume(email).catch(swallowLimit),
      ]);
    },
    async recordSuccess(email) {
      await byAccount.delete(email);
    },
  };
}
