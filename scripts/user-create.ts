/**
 * npm run user:create -- --email ann@example.com --name "Ann Admin" --admin [--role FINANCE ...]
 *                        [--department ENG]
 * Creates a person on the database Flowgate uses (DATABASE_URL, else the embedded one): the way
 * to the first administrator of a production database, where no demo accounts exist. The password
 * is read from FLOWGATE_NEW_PASSWORD (not the command line, which others on the machine can see);
 * without it one is generated and printed once. Problems are one line each; exit 1.
 */
import { parseArgs } from "node:util";
import { createDb } from "../lib/db/client";
import { AppError } from "../lib/errors";
import { createPerson } from "../lib/services/create-user";
import { withDatabase } from "./lib/database";

const USAGE =
  'usage: npm run user:create -- --email <email> --name "<name>" [--admin] [--role <ROLE> ...] [--department <CODE>]';

async function main(): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch (error) {
    console.error(`flowgate: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const roles = [...(args.values.role ?? []), ...(args.values.admin ? ["ADMIN"] : [])];
  return withDatabase(async (url) => {
    const db = createDb(url, { max: 1 });
    try {
      const created = await createPerson(db, {
        email: args.values.email ?? "",
        name: args.values.name ?? "",
        roles: roles.map((role) => role.toUpperCase()),
        ...(args.values.department ? { departmentCode: args.values.department } : {}),
        ...(process.env.FLOWGATE_NEW_PASSWORD
          ? { password: process.env.FLOWGATE_NEW_PASSWORD }
          : {}),
      });
      console.log(`created ${created.email}`);
      if (created.generated) {
        console.log(`password (shown once; change it after signing in): ${created.password}`);
      }
      return 0;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      for (const issue of error.issues.length
        ? error.issues
        : [{ field: "", message: error.message }]) {
        console.error(`flowgate: ${issue.field ? `${issue.field}: ` : ""}${issue.message}`);
      }
      return 1;
    } finally {
      await db.$disconnect();
    }
  });
}

function parse() {
  return parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      admin: { type: "boolean" },
      role: { type: "string", multiple: true },
      department: { type: "string" },
    },
    strict: true,
  });
}

process.exitCode = await main();
