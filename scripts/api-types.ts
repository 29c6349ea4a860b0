/**
 * Writes lib/api/v1/client-types.ts: the API's paths and schemas as TypeScript types, generated
 * from the OpenAPI document with openapi-typescript, for openapi-fetch clients (the API tests,
 * examples/api-quickstart.ts). `npm run api:types`; a test fails when the file is out of date.
 *   npm run api:types            write the file
 *   npm run api:types -- --check exit 1 when the file differs from what would be written
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { apiTypesSource } from "../lib/api/v1/client-types-source";

const file = path.join(import.meta.dirname, "../lib/api/v1/client-types.ts");
const source = await apiTypesSource();
if (process.argv.includes("--check")) {
  const current = await readFile(file, "utf8").catch(() => "");
  if (current !== source) {
    console.error("lib/api/v1/client-types.ts is out of date: run npm run api:types");
    process.exit(1);
  }
  console.log("lib/api/v1/client-types.ts is up to date");
} else {
  await writeFile(file, source);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
