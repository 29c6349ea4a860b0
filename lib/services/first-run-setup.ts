/**
 * First-run set-up of a production database: while nobody has an account, the sign-in page sends
 * visitors to /setup, where the first administrator is created — once: the check and the insert
 * happen under a transaction-wide advisory lock, so of two set-ups racing exactly one wins. With
 * FLOWGATE_SETUP_TOKEN set (recommended when the server is reachable before its admin gets there)
 * the form asks for it too. `npm run user:create -- --admin` does the same from a shell.
 */
import { randomUUID, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/client";
import { poolOf } from "@/lib/db/client";
import { appendPeopleEvents, inTransaction, userStream } from "@/lib/db/people-audit";
import { normaliseEmail } from "@/lib/db/users";
import { AppError, zodIssues } from "@/lib/errors";
import { MIN_PASSWORD_LENGTH } from "@/lib/forms/person";
import { cleanText } from "@/lib/forms/text";

export const SetupSchema = z
  .object({
    email: z.email("Enter a valid email address.").max(254),
    name: cleanText(z.string().trim().min(2, "Give your name.").max(120)),
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `A password has at least ${MIN_PASSWORD_LENGTH} characters.`)
      .max(1024),
    confirm: z.string(),
    token: z.string().max(500).optional(),
  })
  .strict()
  .refine((value) => value.password === value.confirm, {
    path: ["confirm"],
    message: "The two passwords differ.",
  });

/** Whether the database has nobody yet (the set-up page is offered only then). */
export async function needsSetup(db: Db): Promise<boolean> {
  const { rows } = await poolOf(db).query("SELECT 1 FROM users LIMIT 1");
  return rows.length === 0;
}

export const setupTokenRequired = (env = process.env) => Boolean(env.FLOWGATE_SETUP_TOKEN);

function tokenMatches(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? "");
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function completeSetup(
  db: Db,
  input: unknown,
  now = new Date(),
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<{ id: string; email: string }> {
  const parsed = SetupSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("VALIDATION_FAILED", "The details need attention.", zodIssues(parsed.error));
  }
  const expected = env.FLOWGATE_SETUP_TOKEN;
  if (expected && !tokenMatches(parsed.data.token, expected)) {
    throw new AppError("VALIDATION_FAILED", "The set-up token is not right.", [
      {
        field: "token",
        message: "The set-up token is not right (FLOWGATE_SETUP_TOKEN on the server).",
      },
    ]);
  }
  const email = normaliseEmail(parsed.data.email);
  const passwordHash = await hashPassword(parsed.data.password);
  const id = randomUUID();
  await inTransaction(db, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('flowgate:first-run-setup'))");
    const { rows } = await client.query("SELECT 1 FROM users LIMIT 1");
    if (rows.length > 0) {
      throw new AppError("INVALID_STATE", "Flowgate is set up already: sign in instead.");
    }
    const roles = ["REQUESTER", "ADMIN"] as const;
    await client.query(
      `INSERT INTO users (id, email, name, password_hash, roles, created_at, updated_at)
       VALUES ($1::uuid, $2, $3, $4, $5::"Role"[], $6, $6)`,
      [id, email, parsed.data.name, passwordHash, roles, now],
    );
    await appendPeopleEvents(
      client,
      userStream(id),
      [
        {
          action: "USER_CREATED",
          actor: { type: "USER", id },
          data: {
            email,
            name: parsed.data.name,
            roles: [...roles],
            departmentId: null,
            how: "setup",
          },
        },
      ],
      now,
    );
  });
  return { id, email };
}
