/**
 * Where an attachment's bytes live. By default in PostgreSQL, in the attachment's own row
 * (`request_attachments.content`): zero set-up, backed up with the database, and written in the
 * same transaction as its audit event. Optionally in an S3-compatible object store
 * (`ATTACHMENT_STORE=s3`: AWS S3, MinIO, Cloudflare R2, Ceph …), for installations whose
 * database should not carry files; the row then keeps the object's key and the SHA-256, and the
 * bytes are checked against it on every read.
 *
 * The object store is spoken to over its HTTP API with AWS Signature V4 (aws4fetch), path-style
 * (`{endpoint}/{bucket}/{key}`), which every S3-compatible store accepts. Each row records where
 * its bytes are (`storage`), so switching the setting later leaves earlier files readable from
 * where they were written, as long as that store stays configured.
 */
import { AwsClient } from "aws4fetch";
import { z } from "zod";
import { AppError } from "@/lib/errors";

const StoreEnvSchema = z
  .object({
    ATTACHMENT_STORE: z.enum(["postgres", "s3"]).default("postgres"),
    S3_ENDPOINT: z
      .url("S3_ENDPOINT must be a URL such as https://s3.eu-central-1.amazonaws.com")
      .optional(),
    S3_BUCKET: z.string().min(3).max(63).optional(),
    S3_REGION: z.string().min(1).default("us-east-1"),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    /** Prefix of every object's key, so that one bucket can serve several installations. */
    S3_PREFIX: z
      .string()
      .regex(/^[\w./-]*$/, "S3_PREFIX may hold letters, digits and . _ / -")
      .default("flowgate/attachments/"),
  })
  .superRefine((value, ctx) => {
    if (value.ATTACHMENT_STORE !== "s3") return;
    for (const name of [
      "S3_ENDPOINT",
      "S3_BUCKET",
      "S3_ACCESS_KEY_ID",
      "S3_SECRET_ACCESS_KEY",
    ] as const) {
      if (!value[name]) {
        ctx.addIssue({
          code: "custom",
          path: [name],
          message: `${name} is needed with ATTACHMENT_STORE=s3`,
        });
      }
    }
  });

export type StoreSettings = z.infer<typeof StoreEnvSchema>;

/** The settings as the environment says now (read at each use, so tests can change them). */
export function storeSettings(): StoreSettings {
  const read = (name: string) => process.env[name] || undefined;
  return StoreEnvSchema.parse({
    ATTACHMENT_STORE: read("ATTACHMENT_STORE"),
    S3_ENDPOINT: read("S3_ENDPOINT"),
    S3_BUCKET: read("S3_BUCKET"),
    S3_REGION: read("S3_REGION"),
    S3_ACCESS_KEY_ID: read("S3_ACCESS_KEY_ID"),
    S3_SECRET_ACCESS_KEY: read("S3_SECRET_ACCESS_KEY"),
    S3_PREFIX: read("S3_PREFIX"),
  });
}

export type StorageKind = StoreSettings["ATTACHMENT_STORE"];

/** The store new files go to. */
export function currentStorage(): StorageKind {
  return storeSettings().ATTACHMENT_STORE;
}

/** The failure of an object store call: logged by the caller, told to people as 503. */
export class ObjectStoreError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = "ObjectStoreError";
  }
}

/** An S3-compatible bucket, configured from the environment. */
export interface ObjectStore {
  put(key: string, bytes: Uint8Array, mediaType: string, sha256Hex: string): Promise<void>;
  /** The object's bytes, or null when there is no such object. */
  get(key: string): Promise<Uint8Array | null>;
  /** Removes the object; removing one that is already gone is not an error. */
  delete(key: string): Promise<void>;
}

/** Each request to the store gives up after this long (a hung store must not hold a page). */
const STORE_TIMEOUT_MS = 30_000;

export function objectStore(): ObjectStore {
  const settings = storeSettings();
  const { S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY } = settings;
  if (!S3_ENDPOINT || !S3_BUCKET || !S3_ACCESS_KEY_ID || !S3_SECRET_ACCESS_KEY) {
    throw new ObjectStoreError(
      "the S3 store is not configured (S3_ENDPOINT, S3_BUCKET, keys)",
      null,
    );
  }
  const aws = new AwsClient({
    accessKeyId: S3_ACCESS_KEY_ID,
    secretAccessKey: S3_SECRET_ACCESS_KEY,
    service: "s3",
    region: settings.S3_REGION,
  });
  const base = `${S3_ENDPOINT.replace(/\/+$/, "")}/${encodeURIComponent(S3_BUCKET)}/`;
  const urlOf = (key: string) =>
    base + `${settings.S3_PREFIX}${key}`.split("/").map(encodeURIComponent).join("/");
  const call = async (key: string, init: RequestInit, what: string) => {
    try {
      return await aws.fetch(urlOf(key), {
        ...init,
        signal: AbortSignal.timeout(STORE_TIMEOUT_MS),
      });
    } catch (error) {
      throw new ObjectStoreError(`${what} ${key}: ${(error as Error).message}`, null);
    }
  };
  const refuse = async (response: Response, what: string, key: string) => {
    const text = await response.text().catch(() => "");
    const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? "";
    return new ObjectStoreError(
      `${what} ${key}: HTTP ${response.status}${code ? ` ${code}` : ""}`,
      response.status,
    );
  };
  return {
    async put(key, bytes, mediaType, sha256Hex) {
      const response = await call(
        key,
        {
          method: "PUT",
          body: new Blob([bytes as Uint8Array<ArrayBuffer>]),
          headers: {
            "content-type": mediaType,
            // The store checks what it received against what we meant to send.
            "x-amz-content-sha256": sha256Hex,
          },
        },
        "put",
      );
      if (!response.ok) throw await refuse(response, "put", key);
      await response.body?.cancel();
    },
    async get(key) {
      const response = await call(key, { method: "GET" }, "get");
      if (response.status === 404) {
        await response.body?.cancel();
        return null;
      }
      if (!response.ok) throw await refuse(response, "get", key);
      return new Uint8Array(await response.arrayBuffer());
    },
    async delete(key) {
      const response = await call(key, { method: "DELETE" }, "delete");
      if (!response.ok && response.status !== 404) throw await refuse(response, "delete", key);
      await response.body?.cancel();
    },
  };
}

/** The key of an attachment's object under the prefix: the request, then the attachment. */
export function objectKeyOf(requestId: string, attachmentId: string): string {
  return `${requestId}/${attachmentId}`;
}

/** What a person is told when the store cannot be reached (the details go to the log). */
export function storeUnavailable(): AppError {
  return new AppError(
    "SERVICE_UNAVAILABLE",
    "The file store cannot be reached just now: nothing was changed. Try again in a moment.",
  );
}
