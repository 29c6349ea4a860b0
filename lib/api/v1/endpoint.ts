/**
 * Builds an API v1 route handler from its operation (lib/api/v1/operations.ts) and a function
 * that does the work. Every call, in order:
 * 1. a request id (kept from X-Request-Id when sane), on every answer;
 * 2. the caller (token or session, lib/api/v1/principal.ts), the token's scope and the user's
 *    permission;
 * 3. the rate limit of the caller (RateLimit-* headers on every answer, 429 + Retry-After);
 * 4. parameters, query, If-Match and body against the operation's schemas: what does not match
 *    the documented shape (an unknown field, a wrong type, bad JSON) is 400 naming the field;
 *    well-formed input the domain refuses (too short, a missing reason) is 422 from the service;
 * 5. a POST with Idempotency-Key claims it (lib/db/idempotency.ts): a retry gets the first
 *    answer again (Idempotent-Replayed: true), another request under the key is refused;
 * 6. the work; a VERSION_CONFLICT on a call that sent If-Match is 412;
 * 7. errors as problem+json; an unexpected one logged with the request id, never shown.
 */
import { createHash } from "node:crypto";
import type { z } from "zod";
import { problemFor, problemResponse } from "@/lib/api/problem";
import { consumeApiCall, type RateVerdict, rateLimitHeaders } from "@/lib/api/rate-limit";
import { requestIdOf } from "@/lib/api/route";
import { can } from "@/lib/auth/permissions";
import { db as appDb, type Db } from "@/lib/db/client";
import { claimKey, completeKey, releaseKey } from "@/lib/db/idempotency";
import { AppError, type FieldIssue } from "@/lib/errors";
import { log } from "@/lib/log";
import type { Operation } from "./operations";
import { type Principal, principalOf } from "./principal";

/** The clock of the API (tests set it; services take "now" from here). */
export const apiClock = { now: () => new Date() };

/** Largest JSON body accepted (a request's text is at most 20,000 characters). */
export const MAX_BODY_BYTES = 1_000_000;

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface CallInput<O extends Operation> {
  principal: Principal;
  params: Out<O["params"]>;
  query: Out<O["query"]>;
  body: O["bodyCheckedByHandler"] extends true ? unknown : Out<O["body"]>;
  /** An upload's bytes (operations with `uploadMaxBytes`). */
  bytes: O["uploadMaxBytes"] extends number ? Uint8Array : undefined;
  /** The version named by If-Match, when the caller sent one. */
  ifMatch: number | undefined;
  db: Db;
  now: Date;
  requestId: string;
  request: Request;
}

export interface Reply {
  body: unknown;
  /** Defaults to the operation's success status. */
  status?: number;
  /** The request's version, sent as ETag. */
  etag?: number;
  /** The new resource's path under /api/v1 (Location). */
  location?: string;
  /** A file to send instead of a JSON body, with its own headers (type, disposition, ETag). */
  file?: { bytes: Uint8Array; headers: Record<string, string> };
  /** A stream of server-sent events instead of a JSON body. */
  stream?: ReadableStream<Uint8Array>;
}

type RouteContext = { params?: Promise<Record<string, string | string[] | undefined>> };

/** zod issue codes that mean "not the documented shape" (400), not "a value the domain refuses" (422). */
const SHAPE_CODES = new Set([
  "invalid_type",
  "unrecognized_keys",
  "invalid_union",
  "invalid_value",
  "invalid_key",
  "invalid_element",
]);

export function endpoint<O extends Operation>(
  operation: O,
  work: (input: CallInput<O>) => Promise<Reply>,
) {
  return async (request: Request, context?: RouteContext): Promise<Response> => {
    const requestId = requestIdOf(request);
    const now = apiClock.now();
    let rate: RateVerdict | null = null;
    const headers = () => ({
      "x-request-id": requestId,
      "cache-control": "no-store",
      ...(rate ? rateLimitHeaders(rate) : {}),
    });
    let idempotency: { principal: string; key: string } | null = null;
    const db = appDb();
    try {
      const principal = await principalOf(request, db, now);
      if (!principal.scopes.has(operation.scope)) {
        throw new AppError(
          "INSUFFICIENT_SCOPE",
          `This token lacks the "${operation.scope}" scope this operation needs.`,
        );
      }
      if (operation.permission && !can(principal.user, operation.permission)) {
        throw new AppError("FORBIDDEN", "Your roles do not allow this.");
      }
      rate = await consumeApiCall(
        principal.tokenId ? `token:${principal.tokenId}` : `user:${principal.user.id}`,
      );
      if (!rate.allowed) {
        throw new AppError(
          "RATE_LIMITED",
          `Too many calls: at most ${rate.limit} a minute. Wait ${rate.resetSeconds} s.`,
        );
      }
      const url = new URL(request.url);
      const params = parseShape("path", operation.params, (await context?.params) ?? {});
      const query = parseShape("query", operation.query, queryObject(url.searchParams));
      const ifMatch = operation.ifMatch ? parseIfMatch(request.headers.get("if-match")) : undefined;
      const raw = operation.uploadMaxBytes
        ? await readUpload(request, operation.uploadMaxBytes)
        : { ...(await readBody(request, operation)), bytes: undefined };
      const body = operation.body
        ? operation.bodyCheckedByHandler
          ? requireObject(raw.value)
          : parseShape("body", operation.body, raw.value)
        : undefined;

      const key = request.method === "POST" ? idempotencyKeyOf(request) : null;
      if (key) {
        idempotency = { principal: `user:${principal.user.id}`, key };
        const fingerprint = createHash("sha256")
          .update(`${request.method} ${url.pathname}\n${raw.text}`)
          .digest("hex");
        const claim = await claimKey(db, idempotency.principal, key, fingerprint, now);
        if (claim.kind !== "claimed") {
          idempotency = null; // not ours to complete or release
          if (claim.kind === "mismatch") {
            throw new AppError(
              "IDEMPOTENCY_KEY_REUSED",
              "This Idempotency-Key was used for a different request: use a new key.",
              [
                {
                  field: "Idempotency-Key",
                  message: "Used before with another method, path or body.",
                },
              ],
            );
          }
          if (claim.kind === "in-progress") {
            throw new AppError(
              "IDEMPOTENCY_KEY_IN_USE",
              "The first request with this Idempotency-Key is still running: retry in a moment.",
            );
          }
          return new Response(claim.body, {
            status: claim.status,
            headers: { ...claim.headers, ...headers(), "idempotent-replayed": "true" },
          });
        }
      }

      let reply: Reply;
      try {
        reply = await work({
          principal,
          params,
          query,
          body: body as CallInput<O>["body"],
          bytes: raw.bytes,
          ifMatch,
          db,
          now,
          requestId,
          request,
        } as CallInput<O>);
      } catch (error) {
        if (
          error instanceof AppError &&
          error.code === "VERSION_CONFLICT" &&
          ifMatch !== undefined
        ) {
          throw new AppError("PRECONDITION_FAILED", error.message, [
            { field: "If-Match", message: "The request is no longer at this version." },
          ]);
        }
        throw error;
      }
      const status = reply.status ?? operation.success.status;
      if (reply.file) {
        return new Response(Buffer.from(reply.file.bytes), {
          status,
          headers: { ...reply.file.headers, ...headers() },
        });
      }
      if (reply.stream) {
        return new Response(reply.stream, {
          status,
          headers: {
            "content-type": "text/event-stream; charset=utf-8",
            "x-accel-buffering": "no",
            connection: "keep-alive",
            ...headers(),
            "cache-control": "no-store, no-transform",
          },
        });
      }
      if (status === 204) return new Response(null, { status, headers: headers() });
      const answerHeaders: Record<string, string> = {
        "content-type": "application/json",
        ...(reply.etag !== undefined ? { etag: `"${reply.etag}"` } : {}),
        ...(reply.location ? { location: `/api/v1${reply.location}` } : {}),
      };
      if (
        reply.etag !== undefined &&
        request.method === "GET" &&
        etagMatches(request.headers.get("if-none-match"), reply.etag)
      ) {
        return new Response(null, { status: 304, headers: { ...answerHeaders, ...headers() } });
      }
      const text = JSON.stringify(reply.body);
      if (idempotency) {
        await completeKey(db, idempotency.principal, idempotency.key, {
          status,
          body: text,
          headers: answerHeaders,
        });
      }
      return new Response(text, { status, headers: { ...answerHeaders, ...headers() } });
    } catch (error) {
      // Only a domain refusal speaks to the caller; anything else (a configuration or schema
      // error of ours included) is a 500 that names nothing.
      const problem = problemFor(
        error instanceof AppError ? error : new Error("unexpected"),
        requestId,
      );
      if (problem.status >= 500) {
        log.error(
          {
            err: error,
            requestId,
            method: request.method,
            url: request.url,
            operation: operation.id,
          },
          "unhandled error in API call",
        );
      }
      const extra: Record<string, string> =
        error instanceof AppError && error.code === "UNAUTHENTICATED"
          ? { "www-authenticate": 'Bearer realm="flowgate"' }
          : {};
      const response = problemResponse(problem, { ...headers(), ...extra });
      if (idempotency) {
        // A refusal is the answer to this request (kept, replayed); a failure of ours is not.
        if (problem.status < 500) {
          await completeKey(db, idempotency.principal, idempotency.key, {
            status: problem.status,
            body: JSON.stringify(problem),
            headers: { "content-type": "application/problem+json" },
          }).catch((e) => log.warn({ err: e, requestId }, "could not keep the idempotent answer"));
        } else {
          await releaseKey(db, idempotency.principal, idempotency.key).catch(() => {});
        }
      }
      return response;
    }
  };
}

function invalid(
  issues: FieldIssue[],
  message = "The request does not match the API's schema.",
): AppError {
  return new AppError("INVALID_REQUEST", message, issues);
}

/** Checks `value` against `schema`: shape errors are 400, refusals of well-formed values 422. */
function parseShape<S extends z.ZodType | undefined>(
  where: "path" | "query" | "body",
  schema: S,
  value: unknown,
): Out<S> {
  if (!schema) return undefined as Out<S>;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data as Out<S>;
  const issues: FieldIssue[] = parsed.error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    const keys = issue.code === "unrecognized_keys" ? issue.keys : [null];
    return keys.map((key) => ({
      field:
        [...path, ...(key === null ? [] : [key])].join(".") ||
        (where === "body" ? "(body)" : `(${where})`),
      message: key === null ? issue.message : `Unknown field "${key}".`,
    }));
  });
  if (where === "path") throw new AppError("NOT_FOUND", "There is no such resource.");
  const shape = parsed.error.issues.some((issue) => SHAPE_CODES.has(issue.code));
  if (shape || where === "query") throw invalid(issues);
  throw new AppError("VALIDATION_FAILED", "Some fields need attention.", issues);
}

function queryObject(search: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of new Set(search.keys())) {
    const values = search.getAll(name);
    if (values.length > 1) throw invalid([{ field: name, message: "Given more than once." }]);
    out[name] = values[0] as string;
  }
  return out;
}

async function readBody(
  request: Request,
  operation: Operation,
): Promise<{ text: string; value: unknown }> {
  if (request.method === "GET") return { text: "", value: undefined };
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) throw bodyTooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw bodyTooLarge();
  if (text.trim() === "") {
    if (!operation.body) return { text, value: undefined };
    // An operation whose every field is optional takes an empty body as {}.
    return { text, value: {} };
  }
  if (!operation.body) {
    throw invalid([{ field: "(body)", message: "This operation takes no body." }]);
  }
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json" && !type?.endsWith("+json")) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json.", [
      { field: "Content-Type", message: "Use application/json." },
    ]);
  }
  try {
    return { text, value: JSON.parse(text) };
  } catch {
    throw invalid([{ field: "(body)", message: "The body is not valid JSON." }]);
  }
}

function bodyTooLarge(max = MAX_BODY_BYTES): AppError {
  return invalid([
    { field: "(body)", message: `The body is larger than ${max.toLocaleString("en")} bytes.` },
  ]);
}

/**
 * A file's bytes, read as they arrive and refused as soon as they pass `max` (a declared length
 * is checked first, and a body sent without one cannot run the server out of memory). The
 * fingerprint for Idempotency-Key is the bytes' SHA-256.
 */
async function readUpload(
  request: Request,
  max: number,
): Promise<{ text: string; value: undefined; bytes: Uint8Array }> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > max) throw bodyTooLarge(max);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw bodyTooLarge(max);
    }
    chunks.push(value);
  }
  const bytes = Buffer.concat(chunks, size);
  return {
    text: createHash("sha256").update(bytes).digest("hex"),
    value: undefined,
    bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  };
}

function requireObject(value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw invalid([{ field: "(body)", message: "Send a JSON object." }]);
  }
  return value as Record<string, unknown>;
}

const KEY = /^[\x21-\x7e]{1,255}$/;

function idempotencyKeyOf(request: Request): string | null {
  const key = request.headers.get("idempotency-key");
  if (key === null) return null;
  if (!KEY.test(key)) {
    throw invalid([
      { field: "Idempotency-Key", message: "1–255 visible ASCII characters (a UUID is good)." },
    ]);
  }
  return key;
}

const ETAG = /^(?:W\/)?"(\d{1,10})"$/;

/** The version named by If-Match, or undefined when none was sent. `*` means any version. */
export function parseIfMatch(value: string | null): number | undefined {
  if (value === null || value.trim() === "*") return undefined;
  const match = ETAG.exec(value.trim());
  const version = match ? Number(match[1]) : Number.NaN;
  if (!Number.isSafeInteger(version) || version > 2_147_483_647) {
    throw invalid([
      { field: "If-Match", message: 'Send the ETag of the request as you read it, e.g. "3".' },
    ]);
  }
  return version;
}

function etagMatches(header: string | null, version: number): boolean {
  if (!header) return false;
  return header
    .split(",")
    .map((tag) => tag.trim())
    .some((tag) => tag === "*" || ETAG.exec(tag)?.[1] === String(version));
}
