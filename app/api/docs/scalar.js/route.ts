/** GET /api/docs/scalar.js: the Scalar API reference's standalone bundle, from node_modules. */
import { readFile } from "node:fs/promises";
import path from "node:path";

export const dynamic = "force-static";

export async function GET() {
  const file = path.join(
    process.cwd(),
    "node_modules/@scalar/api-reference/dist/browser/standalone.js",
  );
  return new Response(await readFile(file), {
    headers: {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=86400",
    },
  });
}
