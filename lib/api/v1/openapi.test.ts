import { readFile } from "node:fs/promises";
import path from "node:path";
import { validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { apiTypesSource } from "./client-types-source";
import { openApiDocument } from "./openapi";
import { OPERATIONS } from "./operations";

const ROUTE_FILES = import.meta.glob<Record<string, unknown>>("/app/api/v1/**/route.ts");
const routeFileOf = (p: string) => `/app/api/v1${p.replace(/\{(\w+)\}/g, "[$1]")}/route.ts`;

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const document = JSON.parse(JSON.stringify(openApiDocument()));
    const result = await validate(document);
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(document.openapi).toBe("3.1.0");
  });

  it("lists every operation once, with a unique id", () => {
    const document = openApiDocument() as unknown as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    const ids = Object.values(document.paths).flatMap((item) =>
      Object.values(item).map((op) => op.operationId),
    );
    expect(ids.sort()).toEqual(OPERATIONS.map((op) => op.id).sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("has a route file exporting each operation's method, and no route without an operation", async () => {
    for (const operation of OPERATIONS) {
      const load = ROUTE_FILES[routeFileOf(operation.path)];
      expect(load, `${operation.id}: ${routeFileOf(operation.path)}`).toBeDefined();
      const module = await load?.();
      expect(typeof module?.[operation.method.toUpperCase()], operation.id).toBe("function");
    }
    const documented = new Set(OPERATIONS.map((op) => routeFileOf(op.path)));
    const extra = Object.keys(ROUTE_FILES).filter(
      (file) => !documented.has(file) && !file.endsWith("/openapi.json/route.ts"),
    );
    expect(extra).toEqual([]);
    // Every method a route file exports is an operation (none undocumented).
    for (const file of documented) {
      const module = await ROUTE_FILES[file]?.();
      const methods = Object.keys(module ?? {}).filter((k) =>
        /^(GET|POST|PUT|PATCH|DELETE)$/.test(k),
      );
      const ops = OPERATIONS.filter((op) => routeFileOf(op.path) === file).map((op) =>
        op.method.toUpperCase(),
      );
      expect(methods.sort(), file).toEqual(ops.sort());
    }
  });

  it("matches the committed client types (npm run api:types)", async () => {
    const committed = await readFile(path.join(import.meta.dirname, "client-types.ts"), "utf8");
    expect(committed === (await apiTypesSource()), "run npm run api:types").toBe(true);
  });
});
