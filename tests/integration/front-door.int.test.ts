/**
 * The HTTP server's front door, over real sockets: the client address Next.js sees cannot be
 * chosen by the client, only told by trusted proxies; an oversized body is refused with 413
 * before it is read; pages get their nonce policy and anonymous visitors the way to sign in.
 */
import { createServer, request as httpRequest, type Server } from "node:http";
import { type AddressInfo, connect } from "node:net";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseTrustedProxies } from "@/lib/auth/client-address";
import { frontDoor } from "@/lib/http/front-door";
import { pageGuard } from "@/lib/http/page-guard";
import { HSTS } from "@/lib/security/headers";

const servers: Server[] = [];
let handled = 0;

/** A front door whose "app" answers with the X-Forwarded-For it was given. */
async function start(trusted: string): Promise<string> {
  const server = frontDoor(
    createServer(),
    (request, response) => {
      handled++;
      let size = 0;
      request.on("data", (chunk: Buffer) => {
        size += chunk.length;
      });
      request.on("end", () => {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(JSON.stringify({ forwardedFor: request.headers["x-forwarded-for"], size }));
      });
    },
    { trustedProxies: parseTrustedProxies(trusted), maxBodyBytes: 1024 },
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let direct: string;
let behindProxy: string;
beforeAll(async () => {
  direct = await start("");
  behindProxy = await start("loopback");
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

describe("the client address", () => {
  it("is the socket's when no proxy is trusted, whatever X-Forwarded-For says", async () => {
    for (const spoofed of ["203.0.113.1", "1.1.1.1, 2.2.2.2", "garbage", ""]) {
      const response = await fetch(direct, { headers: { "x-forwarded-for": spoofed } });
      expect((await response.json()).forwardedFor).toBe("127.0.0.1");
    }
  });

  it("is what the trusted proxy saw, not what the client made up", async () => {
    // The proxy (here: this test, on loopback) appended the address it saw to the client's header.
    const response = await fetch(behindProxy, {
      headers: { "x-forwarded-for": "6.6.6.6, 198.51.100.7" },
    });
    expect((await response.json()).forwardedFor).toBe("198.51.100.7");
  });
});

describe("a path that is not UTF-8 once decoded", () => {
  it("is refused with 400 problem+json before the app sees it", async () => {
    const before = handled;
    const response = await fetch(`${direct}/requests/%c7%7f`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(handled).toBe(before);
    expect((await fetch(`${direct}/requests/%e2%82%ac?q=%ff`)).status).toBe(200);
  });

  it("as is a target that is no URL at all", async () => {
    const before = handled;
    const { port } = new URL(direct);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), "127.0.0.1", () =>
        socket.write("GET http://[not-a-host/x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
      );
      let data = "";
      socket.on("data", (chunk) => {
        data += chunk;
      });
      socket.on("end", () => resolve(data));
      socket.on("error", reject);
    });
    expect(answer.split("\r\n")[0]).toBe("HTTP/1.1 400 Bad Request");
    expect(answer).toContain('"code":"BAD_REQUEST"');
    expect(handled).toBe(before);
  });
});

describe("an oversized body", () => {
  it("is refused with 413 problem+json, unread; a body within the limit passes", async () => {
    const before = handled;
    const response = await fetch(direct, { method: "POST", body: "x".repeat(1025) });
    expect(response.status).toBe(413);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ status: 413, code: "PAYLOAD_TOO_LARGE" });
    expect(handled).toBe(before);
    const fine = await fetch(direct, { method: "POST", body: "x".repeat(1024) });
    expect(await fine.json()).toMatchObject({ size: 1024 });
  });

  it("is refused before it is sent when the client expects 100-continue", async () => {
    const url = new URL(direct);
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest({
        host: url.hostname,
        port: url.port,
        method: "POST",
        headers: { "content-length": "5000000", expect: "100-continue" },
      });
      request.on("continue", () => reject(new Error("told to continue")));
      request.on("response", (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on("error", reject);
      request.flushHeaders();
    });
    expect(status).toBe(413);
  });
});

describe("a server action call Next.js cannot decode", () => {
  /** An "app" that fails the way Next.js does on an undecodable action body, in three styles. */
  let url: string;
  beforeAll(async () => {
    const server = frontDoor(
      createServer(),
      (request, response) => {
        request.resume();
        const style = request.headers["x-style"];
        if (style === "ok") {
          response.writeHead(200, { "content-type": "text/x-component" });
          response.end("0:{}\n");
        } else if (style === "writeHead") {
          response.writeHead(500, { "content-type": "text/x-component" });
          response.write("0:{}\n");
          response.end('1:E{"digest":"1"}\n');
        } else {
          response.statusCode = 500;
          response.setHeader("content-type", "text/x-component");
          response.end('1:E{"digest":"2"}\n');
        }
      },
      { trustedProxies: parseTrustedProxies(""), maxBodyBytes: 1024 },
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    servers.push(server);
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  it.each(["writeHead", "statusCode"])(
    "is answered 400 problem+json, not 500 (the app fails via %s)",
    async (style) => {
      const response = await fetch(url, {
        method: "POST",
        headers: { "next-action": "abc", "x-style": style },
        body: "null",
      });
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      const body = await response.json();
      expect(body).toMatchObject({ status: 400, code: "BAD_REQUEST" });
      expect(response.headers.get("x-request-id")).toBe(body.requestId);
      expect(JSON.stringify(body)).not.toContain("digest");
    },
  );

  it("leaves successful action answers, and 5xx of anything else, as they are", async () => {
    const ok = await fetch(url, {
      method: "POST",
      headers: { "next-action": "abc", "x-style": "ok" },
      body: "[]",
    });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("0:{}\n");
    const page = await fetch(url, { method: "POST", headers: { "x-style": "statusCode" } });
    expect(page.status).toBe(500);
  });
});

describe("pages (the page guard)", () => {
  const SECRET = "a page-guard test secret, long enough for HKDF and used nowhere else";
  let url: string;
  let seen: { path: string; csp: string | undefined }[] = [];
  const saved = process.env.AUTH_SECRET;

  beforeAll(async () => {
    process.env.AUTH_SECRET = SECRET;
    // An "app" that says which policy Next.js would have read from the request.
    const server = frontDoor(
      createServer(),
      (request, response) => {
        seen.push({
          path: request.url ?? "",
          csp: request.headers["content-security-policy"] as string | undefined,
        });
        response.writeHead(200, { "content-type": "text/plain" });
        response.end("rendered");
      },
      {
        trustedProxies: parseTrustedProxies(""),
        maxBodyBytes: 1024,
        pages: pageGuard({ dev: false }),
      },
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    servers.push(server);
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.AUTH_SECRET;
    else process.env.AUTH_SECRET = saved;
  });

  /** A session cookie as Auth.js issues it, valid for an hour from the clock jose reads. */
  async function sessionCookie(claims: Record<string, unknown>, secret = SECRET) {
    const token = await encode({
      token: claims,
      secret,
      salt: "authjs.session-token",
      maxAge: 3_600,
    });
    return `authjs.session-token=${token}`;
  }

  const nonceOf = (csp: string | null | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

  it("gives a signed-in page a fresh nonce, on the response and where Next.js reads it", async () => {
    const cookie = await sessionCookie({ uid: "user-1", sid: "session-1" });
    seen = [];
    const nonces = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${url}/inbox`, {
        redirect: "manual",
        // Whatever a client sends as a policy is replaced, never believed.
        headers: { cookie, "content-security-policy": "script-src 'nonce-chosen-by-the-client'" },
      });
      expect(response.status).toBe(200);
      const policy = response.headers.get("content-security-policy");
      expect(policy).toContain("script-src 'self' 'nonce-");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(seen.at(-1)?.csp).toBe(policy);
      const nonce = nonceOf(policy);
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      nonces.add(nonce as string);
      expect(response.headers.get("strict-transport-security")).toBeNull();
    }
    expect(nonces.size).toBe(3);
    expect(seen.every((s) => !s.csp?.includes("chosen-by-the-client"))).toBe(true);
  });

  it("sends an anonymous visitor to sign in, with the address they wanted, unrendered", async () => {
    for (const cookie of [
      undefined,
      "authjs.session-token=garbage",
      await sessionCookie({ uid: "user-1" }, "another secret, of another installation entirely"),
      // A valid cookie that names nobody.
      await sessionCookie({ sid: "session-1" }),
    ]) {
      seen = [];
      const response = await fetch(`${url}/requests/abc?tab=audit&x=%20y`, {
        redirect: "manual",
        headers: cookie ? { cookie } : {},
      });
      expect(response.status).toBe(307);
      const location = new URL(response.headers.get("location") ?? "", url);
      expect(location.pathname).toBe("/sign-in");
      expect(location.searchParams.get("callbackUrl")).toBe("/requests/abc?tab=audit&x=%20y");
      expect(response.headers.get("content-security-policy")).toContain("'nonce-");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(seen).toEqual([]);
    }
    // Dot segments are resolved first, as the router does: this is the inbox, not the API.
    const sneaky = await fetch(`${url}/api/../inbox`, { redirect: "manual" });
    expect(sneaky.status).toBe(307);
  });

  it("lets anyone reach the public pages, with their nonce", async () => {
    for (const path of [
      "/sign-in",
      "/sign-in?callbackUrl=%2Finbox",
      "/decide/t0k3n",
      "/set-password/x",
      "/setup",
    ]) {
      seen = [];
      const response = await fetch(`${url}${path}`, { redirect: "manual" });
      expect(response.status, path).toBe(200);
      expect(nonceOf(seen[0]?.csp), path).toBe(
        nonceOf(response.headers.get("content-security-policy")),
      );
    }
    // A path that only starts like a public one is not public.
    expect((await fetch(`${url}/sign-inx`, { redirect: "manual" })).status).toBe(307);
    expect((await fetch(`${url}/setupx/y`, { redirect: "manual" })).status).toBe(307);
  });

  it("leaves the API and static files to themselves: no page policy, no redirect", async () => {
    for (const path of [
      "/api/v1/me",
      "/api/health",
      "/_next/static/chunks/a.js",
      "/favicon.ico",
      "/icon.svg",
      "/robots.txt",
    ]) {
      seen = [];
      const response = await fetch(`${url}${path}`, { redirect: "manual" });
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-security-policy"), path).toBeNull();
      expect(seen[0]?.csp, path).toBeUndefined();
    }
  });

  it("adds HSTS and upgrade-insecure-requests when the browser speaks HTTPS", async () => {
    const response = await fetch(`${url}/sign-in`, { headers: { "x-forwarded-proto": "https" } });
    expect(response.headers.get("strict-transport-security")).toBe(HSTS);
    expect(response.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    // Over HTTPS the cookie has its __Secure- name: the plain one does not count there.
    const cookie = await sessionCookie({ uid: "user-1" });
    const plainName = await fetch(`${url}/inbox`, {
      redirect: "manual",
      headers: { cookie, "x-forwarded-proto": "https" },
    });
    expect(plainName.status).toBe(307);
    const secure = await fetch(`${url}/inbox`, {
      redirect: "manual",
      headers: {
        cookie: `__Secure-${await sessionCookieFor("__Secure-authjs.session-token")}`,
        "x-forwarded-proto": "https",
      },
    });
    expect(secure.status).toBe(200);
  });

  async function sessionCookieFor(salt: string) {
    const token = await encode({ token: { uid: "user-1" }, secret: SECRET, salt, maxAge: 3_600 });
    return `authjs.session-token=${token}`;
  }
});
