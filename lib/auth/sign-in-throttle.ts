/**
 * Slows down password guessing without letting anyone lock another person out. Failed sign-ins are
 * counted in PostgreSQL (every app process shares the counts) within a window of
 * SIGNIN_BLOCK_MINUTES:
 * - **per client address** (resolved by the server from the socket and trusted proxies only, so a
 *   client cannot rotate it: lib/auth/client-address.ts): past SIGNIN_MAX_FAILURES_PER_IP that
 *   address is paused for the window, whatever account it tries;
 * - **per account and address**: past SIGNIN_MAX_FAILURES_PER_ACCOUNT that address is paused for
 *   that account. Failures from an attacker's address do not pause the owner at theirs;
 * - **per account, from all addresses** (spraying one account from many addresses): past
 *   SIGNIN_MAX_FAILURES_PER_ACCOUNT each further failure makes the account wait before its next
 *   attempt is even checked: 1 s, 2 s, 4 s … at most MAX_ACCOUNT_GAP_SECONDS. That caps guesses
 *   at about one a minute while the owner, with the right password, waits a minute at worst.
 * A successful sign-in clears the account's counts.
 */
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/lib/db/client";

export interface ThrottleLimits {
  maxFailuresPerAddress: number;
  maxFailuresPerAccount: number;
  blockMinutes: number;
}

export interface SignInThrottle {
  /**
   * Whether this attempt may be checked now: 0, or the seconds to wait. For a slowed account it
   * takes the one attempt allowed per second, so attempts fired in parallel do not all get through
   * the moment a wait ends.
   */
  admit(address: string, email: string): Promise<number>;
  recordFailure(address: string, email: string): Promise<void>;
  recordSuccess(address: string, email: string): Promise<void>;
}

/** The longest an account is slowed between two attempts. */
export const MAX_ACCOUNT_GAP_SECONDS = 60;

/** The wait after an account's `failures`-th failure (from any address) under `limit`. */
export function accountGapSeconds(failures: number, limit: number): number {
  if (failures <= limit) return 0;
  return Math.min(2 ** Math.min(failures - limit - 1, 30), MAX_ACCOUNT_GAP_SECONDS);
}

export function createSignInThrottle(db: Db, limits: ThrottleLimits, sweep = true): SignInThrottle {
  const window = limits.blockMinutes * 60;
  const common = { storeClient: db, tableName: "rateLimit", clearExpiredByTimeout: sweep };
  const pausing = (keyPrefix: string, points: number) =>
    new RateLimiterPrisma({
      ...common,
      keyPrefix,
      points,
      duration: window,
      blockDuration: window,
    });
  const byAddress = pausing("signin:ip", limits.maxFailuresPerAddress);
  const byPair = pausing("signin:pair", limits.maxFailuresPerAccount);
  // A plain count per account (its own limit is never reached: rate_limits.points stays far from
  // overflowing, since slowed attempts are not counted).
  const byAccount = new RateLimiterPrisma({
    ...common,
    keyPrefix: "signin:acct",
    points: 1_000_000_000,
    duration: window,
  });
  // The account's current wait, as a block of the key.
  const accountGap = new RateLimiterPrisma({
    ...common,
    keyPrefix: "signin:gap",
    points: 1,
    duration: 1,
  });
  const pairKey = (address: string, email: string) => `${email} ${address}`;

  const pausedFor = (res: RateLimiterRes | null, limit: number) =>
    res && res.consumedPoints >= limit ? Math.ceil(res.msBeforeNext / 1000) : 0;

  return {
    async admit(address, email) {
      const [ip, pair, gap, account] = await Promise.all([
        byAddress.get(address),
        byPair.get(pairKey(address, email)),
        accountGap.get(email),
        byAccount.get(email),
      ]);
      const paused = Math.max(
        pausedFor(ip, limits.maxFailuresPerAddress),
        pausedFor(pair, limits.maxFailuresPerAccount),
        gap && gap.consumedPoints > 1 ? Math.ceil(gap.msBeforeNext / 1000) : 0,
      );
      if (paused > 0 || (account?.consumedPoints ?? 0) < limits.maxFailuresPerAccount) {
        return paused;
      }
      try {
        await accountGap.consume(email);
        return 0;
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      }
    },
    async recordFailure(address, email) {
      // consume() rejects with a RateLimiterRes once the limit is passed; that is the pause itself.
      const swallowLimit = (error: unknown) => {
        if (!(error instanceof RateLimiterRes)) throw error;
        return error;
      };
      const [, , account] = await Promise.all([
        byAddress.consume(address).catch(swallowLimit),
        byPair.consume(pairKey(address, email)).catch(swallowLimit),
        byAccount.consume(email).catch(swallowLimit),
      ]);
      const gap = accountGapSeconds(account.consumedPoints, limits.maxFailuresPerAccount);
      if (gap > 0) await accountGap.block(email, gap);
    },
    async recordSuccess(address, email) {
      await Promise.all([
        byAccount.delete(email),
        accountGap.delete(email),
        byPair.delete(pairKey(address, email)),
      ]);
    },
  };
}
