/**
 * The Auth.js instance of the app: email + password through the Credentials provider, sign-out,
 * and its own /api/auth routes. The session cookie is an encrypted JWT naming a row in `sessions`
 * (lib/db/sessions.ts). Pages, actions and the API read it through lib/auth/session.ts, which
 * checks that row on every request; the `jwt` callback below does the same for Auth.js's own
 * session endpoint (a token without a live row ends the session: Auth.js clears the cookie).
 */
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import { openSession, revokeSession } from "@/lib/db/sessions";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { clientAddress } from "./client-address";
import { authConfig, SESSION_MAX_AGE_SECONDS } from "./config";
import { authenticate, SignInSchema } from "./credentials";
import { sessionUserOf } from "./session-user";
import { createSignInThrottle, type SignInThrottle } from "./sign-in-throttle";

export class InvalidCredentials extends CredentialsSignin {
  override code = "invalid_credentials";
}

export class TooManyAttempts extends CredentialsSignin {
  override code = "too_many_attempts";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

let throttle: SignInThrottle | undefined;
function signInThrottle(): SignInThrottle {
  const config = env();
  throttle ??= createSignInThrottle(db(), {
    maxFailuresPerAddress: config.SIGNIN_MAX_FAILURES_PER_IP,
    maxFailuresPerAccount: config.SIGNIN_MAX_FAILURES_PER_ACCOUNT,
    blockMinutes: config.SIGNIN_BLOCK_MINUTES,
  });
  return throttle;
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  logger: {
    // A wrong password is an expected outcome, not an error worth a stack trace in the log.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      log.error({ err: error }, "auth error");
    },
    warn(code) {
      log.warn({ code }, "auth warning");
    },
  },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw, request) {
        const parsed = SignInSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const result = await authenticate(
          db(),
          signInThrottle(),
          parsed.data,
          clientAddress(request.headers),
        );
        if (result.ok) {
          return { ...result.user, userAgent: request.headers.get("user-agent") };
        }
        if (result.reason === "throttled") throw new TooManyAttempts(result.retryAfterSeconds);
        throw new InvalidCredentials();
      },
    }),
  ],
  callbacks: {
    ...authConfig.callbacks,
    async jwt({ token, user }) {
      const now = new Date();
      if (user?.id) {
        const sid = await openSession(db(), {
          userId: user.id,
          maxAgeSeconds: SESSION_MAX_AGE_SECONDS,
          userAgent: user.userAgent,
          now,
        });
        return {
          ...token,
          uid: user.id,
          sid,
          roles: user.roles ?? [],
          department: user.department ?? null,
        };
      }
      const live = await sessionUserOf(db(), token, now);
      if (!live) return null; // ends the session
      return {
        ...token,
        name: live.name,
        email: live.email,
        roles: live.roles,
        department: live.department,
        timeZone: live.timeZone,
      };
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (sid) await revokeSession(db(), sid, "signed out", new Date());
    },
  },
});
