/**
 * API tokens of the demo accounts, for examples/api-quickstart.ts: derived from the account's
 * email, so the example and the seed agree without passing secrets around. Like the demo
 * password, they are public: they exist only in the embedded development database (db:seed
 * refuses a DATABASE_URL database) and give the demo accounts' access, nothing more.
 */
import { createHash } from "node:crypto";
import { hashSecret } from "../lib/api/tokens";

export const DEMO_TOKEN_ACCOUNTS = [
  "requester@example.com",
  "manager.eng@example.com",
  "finance@example.com",
  "director@example.com",
] as const;

const digest = (text: string) => createHash("sha256").update(text).digest();

export function demoToken(email: string): { id: string; token: string; secretHash: Buffer } {
  const hex = digest(`flowgate demo token id ${email}`).toString("hex").slice(0, 32);
  // A well-formed version-4 uuid (the version and variant digits set).
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  const secret = digest(`flowgate demo token secret ${email}`).toString("base64url");
  return { id, token: `fgt_${id.replaceAll("-", "")}_${secret}`, secretHash: hashSecret(secret) };
}
