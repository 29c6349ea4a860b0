/**
 * Database tasks for developers:
 *   npm run db:migrate -- <name>   create and apply a migration from prisma/schema.prisma
 *   npm run db:deploy              apply pending migrations
 *   npm run db:seed                seed the demo data (idempotent)
 * With DATABASE_URL unset they use the embedded development database under .data/.
 */
import { createDb } from "../lib/db/client";
import { deployMigrations, runPrismaCli } from "../lib/db/prisma-cli";
import { ensureDefaultWorkflows } from "../lib/services/seed-workflows";
import { seedDemoData } from "../prisma/seed";
import { withDatabase } from "./lib/database";

const [task, ...rest] = process.argv.slice(2);

async function main(): Promise<number> {
  switch (task) {
    case "migrate-dev": {
      const name = rest[0];
      if (!name) {
        console.error("usage: npm run db:migrate -- <migration-name>");
        return 2;
      }
      return withDatabase(async (url) => {
        const result = await runPrismaCli(["migrate", "dev", "--name", name], url, {
          inherit: true,
        });
        return result.code;
      });
    }
    case "deploy":
      return withDatabase(async (url) => {
        await deployMigrations(url);
        console.log("migrations applied");
        return 0;
      });
    case "seed":
      return withDatabase(async (url, embedded) => {
        if (!embedded) {
          // The demo accounts share a password printed on the sign-in page and in the README.
          console.error(
            "flowgate: demo data is only seeded into the embedded development database (DATABASE_URL is set). Create people with `npm run user:create` or the first-run set-up page.",
          );
          return 1;
        }
        const db = createDb(url);
        try {
          const workflows = await ensureDefaultWorkflows(db);
          const { users, requests } = await seedDemoData(db);
          console.log(
            `published ${workflows} default workflows; seeded ${users} demo users and ${requests} demo requests`,
          );
          return 0;
        } finally {
          await db.$disconnect();
        }
      });
    default:
      console.error("usage: tsx scripts/db.ts migrate-dev <name> | deploy | seed");
      return 2;
  }
}

process.exitCode = await main();
