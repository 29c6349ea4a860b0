/**
 * The Auth.js instance of the app: email + password through the Credentials provider, JWT
 * sessions that carry roles and department, refreshed from the database every few minutes so a
 * deactivated user or a changed role takes effect without waiting for the session to expire.
 */
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { clientAddress } from "./client-address";
import { authConfig } from "./config";
import { authenticate, SignInSchema } from "./credentials";
import { createSignInThrottle, type SignInThrottle } from "./sign-in-throttle";

const REFRESH_MS = 5 * 60 * 1000;

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
        if (result.ok) return result.user;
        if (result.reason === "throttled") throw new TooManyAttempts(result.retryAfterSeconds);
        throw new InvalidCredentials();
      },
    }),
  ],
  callbacks: {
    ...authConfig.callbacks,
    async jwt({ token, user }) {
      if (user?.id) {
        return {
          ...token,
          uid: user.id,
          roles: user.roles ?? [],
          department: user.department ?? null,
          checkedAt: Date.now(),
        };
      }
      if (token.uid && Date.now() - (token.checkedAt ?? 0) > REFRESH_MS) {
        const current = await db().user.findUnique({
          where: { id: token.uid },
          select: {
            active: true,
            name: true,
            roles: true,
            department: { select: { id: true, code: true, name: true } },
          },
        });
        if (!current?.active) return null; // ends the session
        return {
          ...token,
          name: current.name,
          roles: current.roles,
          department: current.department,
          checkedAt: Date.now(),
        };
      }
      return token;
    },
  },
});
