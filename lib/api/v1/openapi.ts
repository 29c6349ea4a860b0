/**
 * The OpenAPI 3.1 document of API v1, generated from the operations and their zod schemas
 * (zod-openapi): what the handlers validate with is what the document says. Served at
 * /api/v1/openapi.json, rendered at /api/docs, and the source of the typed client's types
 * (lib/api/v1/client-types.ts, `npm run api:types`).
 */
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponseObject,
} from "zod-openapi";
import { SCOPE_LABELS, SCOPES } from "@/lib/api/scopes";
import { APP_VERSION } from "@/lib/version";
import { OPERATIONS, type Operation } from "./operations";
import { ProblemSchema } from "./schemas";

/** A file's bytes. */
const BINARY = { type: "string" as const, format: "binary" };

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ProblemSchema } },
});

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "The call does not match this document: an unknown field, a wrong type, bad JSON, a malformed header. `errors` names each field.",
  401: "No valid API token (or session).",
  403: "The token lacks the scope, the user the permission, or a session cookie came from another site.",
  404: "No such resource, or one the caller may not see (the two are not told apart).",
  409: "The request is not in a state for this, someone acted first, or the Idempotency-Key is still in use.",
  412: "If-Match names a version the request no longer has.",
  415: "The body is not application/json.",
  422: "Well-formed, but refused: a missing reason, a too-short text, an invalid workflow, an Idempotency-Key reused with another body.",
  429: "Too many calls: see Retry-After.",
  500: "Our failure: quote the requestId.",
  503: "Something the operation needs is missing (no workflow published for the type).",
};

const rateHeaders = {
  "RateLimit-Limit": {
    description: "Calls allowed per minute.",
    schema: { type: "integer" as const },
  },
  "RateLimit-Remaining": {
    description: "Calls left in this minute.",
    schema: { type: "integer" as const },
  },
  "RateLimit-Reset": {
    description: "Seconds until the minute resets.",
    schema: { type: "integer" as const },
  },
  "X-Request-Id": {
    description: "Quote it when reporting a problem.",
    schema: { type: "string" as const },
  },
};

function operationObject(operation: Operation): ZodOpenApiOperationObject {
  const success = operation.success;
  const errors = new Set<number>([400, 401, 403, 429, 500, ...operation.errors]);
  if (operation.params) errors.add(404);
  // Any POST: an Idempotency-Key still in use (409) or reused with another request (422).
  if (operation.method === "post") {
    errors.add(409);
    errors.add(422);
  }
  const headers: Record<string, { description: string; schema: { type: "string" | "integer" } }> = {
    ...rateHeaders,
    ...(success.etag
      ? { ETag: { description: "The request's version.", schema: { type: "string" } } }
      : {}),
    ...(success.location
      ? { Location: { description: "The new resource.", schema: { type: "string" } } }
      : {}),
  };
  if (success.fileTypes) {
    headers["Content-Disposition"] = {
      description: "`attachment`, with the file's name.",
      schema: { type: "string" },
    };
    headers.ETag = { description: "The file's SHA-256.", schema: { type: "string" } };
  }
  const content = success.schema
    ? { "application/json": { schema: success.schema } }
    : success.fileTypes
      ? Object.fromEntries(success.fileTypes.map((type) => [type, { schema: BINARY }]))
      : success.stream
        ? { "text/event-stream": { schema: { type: "string" as const } } }
        : undefined;
  const responses: Record<string, ZodOpenApiResponseObject> = {
    [String(success.status)]: {
      description: success.description,
      headers,
      ...(content ? { content } : {}),
    },
  };
  if (success.etag && operation.method === "get") {
    responses["304"] = { description: "Not modified (If-None-Match matched the ETag)." };
  }
  for (const status of [...errors].sort((a, b) => a - b)) {
    responses[String(status)] = problem(ERROR_DESCRIPTIONS[status] ?? "Error");
  }
  const headerParams: ZodOpenApiOperationObject["parameters"] = [];
  if (operation.ifMatch) {
    headerParams.push({
      in: "header",
      name: "If-Match",
      required: false,
      description:
        'The request\'s ETag as last read (e.g. "3"): refused with 412 when it changed since.',
      schema: { type: "string" },
    });
  }
  if (operation.method === "post") {
    headerParams.push({
      in: "header",
      name: "Idempotency-Key",
      required: false,
      description:
        "Any unique string (a UUID): a retry with the same key gets the first answer again for 24 hours; the same key with another request is refused.",
      schema: { type: "string", maxLength: 255 },
    });
  }
  return {
    operationId: operation.id,
    tags: [operation.tag],
    summary: operation.summary,
    description: [
      operation.description,
      `Scope: \`${operation.scope}\`.${operation.permission ? ` Permission: \`${operation.permission}\`.` : ""}`,
    ]
      .filter(Boolean)
      .join("\n\n"),
    "x-flowgate-scope": operation.scope,
    ...(operation.permission ? { "x-flowgate-permission": operation.permission } : {}),
    requestParams: {
      ...(operation.params ? { path: operation.params } : {}),
      ...(operation.query ? { query: operation.query } : {}),
    },
    ...(headerParams.length ? { parameters: headerParams } : {}),
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: operation.body } },
          },
        }
      : {}),
    ...(operation.uploadMaxBytes
      ? {
          requestBody: {
            required: true,
            description: `The file's bytes, at most ${operation.uploadMaxBytes.toLocaleString("en")}; any Content-Type.`,
            content: { "application/octet-stream": { schema: BINARY } },
          },
        }
      : {}),
    responses,
  };
}

let cached: ReturnType<typeof createDocument> | undefined;

export function openApiDocument() {
  if (cached) return cached;
  const paths: ZodOpenApiPathsObject = {};
  for (const operation of OPERATIONS) {
    paths[operation.path] ??= {};
    (paths[operation.path] as Record<string, ZodOpenApiOperationObject>)[operation.method] =
      operationObject(operation);
  }
  cached = createDocument({
    openapi: "3.1.0",
    info: {
      title: "Flowgate API",
      version: APP_VERSION,
      description: [
        "Everything a person does in Flowgate, a program can do: create requests from plain text, decide steps, read and verify the audit trail.",
        "",
        "**Authentication**: `Authorization: Bearer fgt_…` with an API token (Settings → API tokens; admins make tokens for service accounts). A token acts as its owner, within its scopes: " +
          SCOPES.map((scope) => `\`${scope}\` (${SCOPE_LABELS[scope].toLowerCase()})`).join(", ") +
          ".",
        "",
        "**Conventions**: errors are RFC 9457 problem+json with a stable `code` and `errors[].field`; every POST takes `Idempotency-Key`; a request's `ETag` is its version, sent back as `If-Match`; lists are paged with `cursor`; every answer has `X-Request-Id` and `RateLimit-*` headers.",
      ].join("\n"),
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearer: [] }],
    tags: [
      { name: "Requests" },
      { name: "Attachments" },
      { name: "Decisions" },
      { name: "Inbox" },
      { name: "Audit" },
      { name: "Assistant" },
      { name: "Workflows" },
      { name: "Runs" },
      { name: "Account" },
    ],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An API token: fgt_…" },
      },
    },
    paths,
  });
  return cached;
}
