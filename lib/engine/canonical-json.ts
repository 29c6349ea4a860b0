/**
 * RFC 8785 (JSON Canonicalization Scheme) for JSON values, as the audit chain hashes them.
 *
 * The same output as the `canonicalize` package (a property test compares the two), written for
 * plain JSON values only (no toJSON, no cycles), which made it about twice as fast: hashing audit
 * events was a third of the SLA sweep's JavaScript. JCS serializes strings and finite numbers
 * exactly as ECMAScript's JSON.stringify does, and orders object keys by UTF-16 code units, which
 * is what Array.prototype.sort compares by default.
 */
import type { JsonValue } from "./lifecycle";

/** Printable ASCII other than `"` and `\`: JSON.stringify would write these characters as they are. */
const VERBATIM = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** A string as RFC 8785 writes it (most audit strings are plain ASCII: quoted as they are). */
export function canonicalString(value: string): string {
  if (VERBATIM.test(value)) return `"${value}"`;
  if (!value.isWellFormed()) throw new Error("Lone surrogate is not allowed");
  return JSON.stringify(value);
}

export function canonicalJson(value: JsonValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return canonicalString(value);
    case "number":
      if (!Number.isFinite(value)) throw new Error("Only finite numbers are allowed");
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
  }
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ",";
      out += canonicalJson(value[i]) ?? "null";
    }
    return `${out}]`;
  }
  const object = value as { [key: string]: JsonValue | undefined };
  const keys = Object.keys(object).sort();
  let out = "{";
  let first = true;
  for (const key of keys) {
    const member = canonicalJson(object[key]);
    if (member === undefined) continue;
    out += `${first ? "" : ","}${canonicalString(key)}:${member}`;
    first = false;
  }
  return `${out}}`;
}
