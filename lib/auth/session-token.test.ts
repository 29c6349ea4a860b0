import { encode } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  isHttpsRequest,
  readSessionToken,
  rememberedCount,
  rememberedDecode,
} from "./session-token";

const SECRET = "a test secret of enough length for HKDF, not used anywhere else";
const SALT = "authjs.session-token";

/**
 * A cookie as Auth.js makes it, issued now: jose checks `exp` against the clock it runs with (the
 * first decryption), so the test's instants are taken relative to that clock, never fixed.
 */
async function cookie(claims: Record<string, unknown>, expSeconds: number) {
  const issued = Math.floor(Date.now() / 1000);
  const token = await encode({ token: claims, secret: SECRET, salt: SALT, maxAge: expSeconds });
  return { token, at: (seconds: number) => (issued + seconds) * 1000, issued };
}

describe("rememberedDecode", () => {
  it("decrypts a cookie once, then answers from memory until its exp", async () => {
    const { token, at, issued } = await cookie({ uid: "u-1", sid: "s-1" }, 3_600);

    const first = await rememberedDecode({ token, secret: SECRET, salt: SALT }, at(0));
    expect(first).toMatchObject({ uid: "u-1", sid: "s-1" });
    const exp = first?.exp as number;
    expect(exp - issued).toBeGreaterThanOrEqual(3_600);
    expect(exp - issued).toBeLessThanOrEqual(3_601);
    const count = rememberedCount();

    // The same value with a wrong secret would not decrypt: an answer from memory shows the
    // remembered payload was used (and only for the exact same cookie value and salt).
    const again = await rememberedDecode({ token, secret: "another secret", salt: SALT }, at(60));
    expect(again).toEqual(first);
    expect(rememberedCount()).toBe(count);
    await expect(
      rememberedDecode({ token, secret: "another secret", salt: "other-salt" }, at(60)),
    ).rejects.toThrow();

    // Within jose's 15 s tolerance past exp it still holds; after, it is refused and forgotten.
    expect(
      await rememberedDecode({ token, secret: SECRET, salt: SALT }, at(exp - issued + 10)),
    ).toEqual(first);
    expect(
      await rememberedDecode({ token, secret: SECRET, salt: SALT }, at(exp - issued + 16)),
    ).toBeNull();
    expect(rememberedCount()).toBe(count - 1);
  });

  it("remembers nothing that did not decrypt", async () => {
    const { token, at } = await cookie({ uid: "u-2", sid: "s-2" }, 3_600);
    const tampered = `${token.slice(0, -4)}AAAA`;
    const before = rememberedCount();
    await expect(
      rememberedDecode({ token: tampered, secret: SECRET, salt: SALT }, at(0)),
    ).rejects.toThrow();
    await expect(
      rememberedDecode({ token: tampered, secret: SECRET, salt: SALT }, at(0)),
    ).rejects.toThrow();
    expect(rememberedCount()).toBe(before);
    expect(await rememberedDecode({ token: "", secret: SECRET, salt: SALT })).toBeNull();
  });
});

describe("readSessionToken", () => {
  beforeEach(() => vi.stubEnv("AUTH_SECRET", SECRET));
  afterEach(() => vi.unstubAllEnvs());

  it("reads only the session cookie, under its secure name over HTTPS", async () => {
    // A real, unexpired cookie: readSessionToken checks exp against the clock it runs with.
    const token = await encode({ token: { uid: "u-3", sid: "s-3" }, secret: SECRET, salt: SALT });
    const plain = new Headers({ cookie: `other=1; ${SALT}=${token}` });
    expect(await readSessionToken(plain, false)).toMatchObject({ uid: "u-3" });
    // Over HTTPS Auth.js names it __Secure-…, salted with that name: the plain one does not count.
    expect(await readSessionToken(plain, true)).toBeNull();
    // A JWT in Authorization (which Auth.js's getToken would take) is not a session.
    expect(
      await readSessionToken(new Headers({ authorization: `Bearer ${token}` }), false),
    ).toBeNull();
    expect(await readSessionToken(new Headers({ cookie: `${SALT}=garbage` }), false)).toBeNull();
  });

  it("tells HTTPS from the protocol or the proxy's X-Forwarded-Proto", () => {
    expect(isHttpsRequest(new Headers(), "https:")).toBe(true);
    expect(isHttpsRequest(new Headers({ "x-forwarded-proto": "https, http" }), "http:")).toBe(true);
    expect(isHttpsRequest(new Headers({ "x-forwarded-proto": "http" }), null)).toBe(false);
    expect(isHttpsRequest(new Headers(), null)).toBe(false);
  });
});
