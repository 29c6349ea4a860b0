/**
 * The API as its tests call it: openapi-fetch clients (typed from the generated client types)
 * whose fetch hands each request to the real route handler module under app/api/v1, in process, on
 * the test's database. Every response is checked against the OpenAPI document: the status must be
 * documented for the operation, the content type must be the documented one, and the body must
 * validate against the documented schema (ajv, JSON Schema 2020-12). A test therefore fails when
 * the API answers anything its document does not promise.
 */

import type { PrismaClient } from "@prisma/client";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import createClient from "openapi-fetch";
import { expect } from "vitest";
import type { paths } from "@/lib/api/v1/client-types";
import { apiClock } from "@/lib/api/v1/endpoint";
import { openApiDocument } from "@/lib/api/v1/openapi";
import { OPERATIONS, type Operation } from "@/lib/api/v1/operations";
import { resetEnvCache } from "@/lib/env";

export const BASE = "http://flowgate.test/api/v1";

type Handler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;
type RouteModule = Partial<Record<"GET" | "POST" | "PATCH" | "DELETE", Handler>>;

export const ROUTE_MODULES = import.meta.glob<RouteModule>("/app/api/v1/**/route.ts");

/** The route file of an operation's path: {name} → [name]. */
export function routeFileOf(path: string): string {
  return `/app/api/v1${path.replace(/\{(\w+)\}/g, "[$1]")}/route.ts`;
}

function match(operation: Operation, pathname: string): Record<string, string> | null {
  const names: string[] = [];
  const pattern = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  const found = new RegExp(`^/api/v1${pattern}$`).exec(pathname);
  if (!found) return null;
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1] ?? "")]));
}

/** Finds the operation for a method and path; static segments win over parameters. */
export function operationFor(method: string, pathname: string) {
  const candidates = OPERATIONS.filter((op) => op.method === method.toLowerCase())
    .map((op) => ({ op, params: match(op, pathname) }))
    .filter((c): c is { op: Operation; params: Record<string, string> } => c.params !== null)
    .sort((a, b) => Object.keys(a.params).length - Object.keys(b.params).length);
  return candidates[0] ?? null;
}

const document = JSON.parse(JSON.stringify(openApiDocument()));
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: "flowgate", components: document.components });

function schemaFor(ref: unknown) {
  return JSON.parse(
    JSON.stringify(ref).replaceAll('"#/components/', '"flowgate#/components/'),
  ) as object;
}

export interface Exchange {
  operation: Operation;
  status: number;
}

/** Every exchange of the test file (for coverage assertions). */
export const exchanges: Exchange[] = [];

/** Checks a response against the document; throws with the reason when it does not conform. */
export async function checkAgainstDocument(operation: Operation, response: Response) {
  const responses = document.paths[operation.path][operation.method].responses as Record<
    string,
    { content?: Record<string, { schema: unknown }> }
  >;
  const documented = responses[String(response.status)];
  if (!documented) {
    throw new Error(
      `${operation.id} answered ${response.status}, which its document does not list (${Object.keys(responses).join(", ")}): ${await response.clone().text()}`,
    );
  }
  if (!documented.content) {
    expect(await response.clone().text(), `${operation.id} ${response.status} has no body`).toBe(
      "",
    );
    return;
  }
  const type = response.headers.get("content-type")?.split(";")[0] ?? "";
  const content = documented.content[type];
  if (!content) {
    throw new Error(
      `${operation.id} ${response.status} answered ${type}; documented: ${Object.keys(documented.content).join(", ")}`,
    );
  }
  if (
    (content.schema as { format?: string } | undefined)?.format === "binary" ||
    type === "text/event-stream"
  ) {
    // A file or an event stream: its type is one documented; its bytes are the client's to read.
    if (!response.headers.get("x-request-id")) {
      throw new Error(`${operation.id} ${response.status} has no X-Request-Id`);
    }
    return;
  }
  const body = await response.clone().json();
  const validate = ajv.compile(schemaFor(content.schema));
  if (!validate(body)) {
    throw new Error(
      `${operation.id} ${response.status} body does not match the document: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 2000)}`,
    );
  }
  if (!response.headers.get("x-request-id")) {
    throw new Error(`${operation.id} ${response.status} has no X-Request-Id`);
  }
}

/** A fetch that calls the route handlers in process and checks each answer against the document. */
export async function apiFetch(
  input: Request | string | URL,
  init?: RequestInit,
): Promise<Response> {
  const request = input instanceof Request && !init ? input : new Request(input, init);
  const url = new URL(request.url);
  const found = operationFor(request.method, url.pathname);
  if (!found) throw new Error(`no operation for ${request.method} ${url.pathname}`);
  const load = ROUTE_MODULES[routeFileOf(found.op.path)];
  if (!load) throw new Error(`no route file for ${found.op.path}`);
  const module = await load();
  const handler = module[request.method as keyof RouteModule];
  if (!handler) throw new Error(`${routeFileOf(found.op.path)} exports no ${request.method}`);
  const response = await handler(request, { params: Promise.resolve(found.params) });
  await checkAgainstDocument(found.op, response);
  exchanges.push({ operation: found.op, status: response.status });
  return response;
}

/** A typed client acting with `token` (no token: anonymous). */
export function client(token?: string, headers: Record<string, string> = {}) {
  return createClient<paths>({
    baseUrl: BASE,
    fetch: apiFetch,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
}

/** Routes the app's db() (and its configuration) to the test database for this file. */
export function useDatabase(t: { db: PrismaClient; url: string }): () => void {
  const holder = globalThis as { flowgateDb?: unknown };
  holder.flowgateDb = t.db;
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = t.url;
  resetEnvCache();
  return () => {
    delete holder.flowgateDb;
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
    resetEnvCache();
  };
}

/** Sets the API's clock; returns a function that restores it. */
export function setClock(now: () => Date): () => void {
  const previous = apiClock.now;
  apiClock.now = now;
  return () => {
    apiClock.now = previous;
  };
}
