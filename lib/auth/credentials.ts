/**
 * Checks an email + password. Every failure looks the same to the caller ("invalid"), whether the
 * email is unknown, the password wrong or the account deactivated; only throttling is reported
 * separately, with the wait in seconds.
 */
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { findUserForSignIn, normaliseEmail } from "@/lib/db/users";
import type { SessionUser } from "./config";
import { dummyPasswordHash, verifyPassword } from "./password";
import type { SignInThrottle } from "./sign-in-throttle";

export const SignInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter your email address.")
    .max(254)
    .email("Enter a valid email address."),
  password: z.string().min(1, "Enter your password.").max(1024),
});

export type AuthenticateResult =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

export async function authenticate(
  db: Db,
  throttle: SignInThrottle,
  input: { email: string; password: string },
  clientAddress: string,
): Promise<AuthenticateResult> {
  const email = normaliseEmail(input.email);
  const wait = await throttle.admit(clientAddress, email);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterSeconds: wait };

  const user = await findUserForSignIn(db, email);
  const valid = await verifyPassword(
    user?.passwordHash ?? (await dummyPasswordHash()),
    input.password,
  );
  if (!user || !valid || !user.active) {
    await throttle.recordFailure(clientAddress, email);
    return { ok: false, reason: "invalid" };
  }
  await throttle.recordSuccess(clientAddress, email);
  return {
    ok: true,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      roles: user.roles,
      department: user.department,
    },
  };
}
