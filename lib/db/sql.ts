/**
 * Hot-path SQL on the shared pool as named prepared statements: PostgreSQL parses and plans each
 * statement once per connection, and only the parameters travel on later calls. Used where the
 * benchmarks showed Prisma's per-query overhead dominating (loading and writing transitions, the
 * inbox). `name` must be unique per statement text.
 */
import type { PrismaClient } from "@prisma/client";
import { poolOf } from "./client";

export async function preparedQuery<Row>(
  db: PrismaClient,
  name: string,
  text: string,
  values: unknown[],
): Promise<Row[]> {
  const result = await poolOf(db).query({ name, text, values });
  return result.rows as Row[];
}
