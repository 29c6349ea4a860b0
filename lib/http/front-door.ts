/**
 * What the HTTP server does to each request before Next.js sees it (scripts/server.ts):
 * - a body declared larger than `maxBodyBytes` gets 413 problem+json, unread (also when the client
 *   asks "Expect: 100-continue" first: it is told no before it sends anything);
 * - a path whose percent-encoding is not UTF-8 (`/requests/%c7%7f`), or a target that is no URL at
 *   all (`http://[x/`), gets 400 problem+json: Next.js would fail decoding it with a 500;
 * - X-Forwarded-For is replaced by the one client address resolved from the socket and the
 *   header, believing the header only from trusted proxies (lib/auth/client-address.ts);
 * - a server action call that Next.js answers with a 5xx before sending anything is answered
 *   400 problem+json instead. Every action body runs inside runAction, which turns any error into
 *   a result, so such a 5xx comes from Next.js failing to decode what was sent (null, not its
 *   encoding, nested 10,000 deep): bad input, not our failure. It is logged with the request id;
 * - pages get their nonce CSP, and anonymous visitors the way to sign in (lib/http/page-guard.ts).
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { BlockList } from "node:net";
import { resolveClientAddress } from "@/lib/auth/client-address";
import { log } from "@/lib/log";
import type { PageGuard } from "./page-guard";

type Handler = (request: IncomingMessage, response: ServerResponse) => unknown;

export interface FrontDoorOptions {
  trustedProxies: BlockList;
  maxBodyBytes: number;
  /** Run before Next.js on each request (lib/http/page-guard.ts): true when it answered. */
  pages?: PageGuard;
}

export function frontDoor(server: Server, handle: Handler, options: FrontDoorOptions): Server {
  const admit = (request: IncomingMessage, response: ServerResponse, continued: boolean) => {
    const declared = Number(request.headers["content-length"] ?? 0);
    if (declared > options.maxBodyBytes) return tooLarge(request, response, options.maxBodyBytes);
    if (!decodablePath(request.url ?? "/")) return badPath(request, response);
    if (continued) response.writeContinue();
    request.headers["x-forwarded-for"] = resolveClientAddress(
      request.socket.remoteAddress,
      request.headers["x-forwarded-for"],
      options.trustedProxies,
    );
    if (request.method === "POST" && request.headers["next-action"]) {
      answerUndecodableActions(request, response);
    }
    if (!options.pages) {
      void handle(request, response);
      return;
    }
    options.pages(request, response).then(
      (answered) => {
        if (!answered) void handle(request, response);
      },
      (error: unknown) => {
        const requestId = randomUUID();
        log.error({ err: error, requestId }, "the page guard failed");
        refuse(
          request,
          response,
          500,
          "Internal Server Error",
          "Something went wrong.",
          "INTERNAL",
          requestId,
        );
      },
    );
  };
  server.on("request", (request, response) => admit(request, response, false));
  server.on("checkContinue", (request, response) => admit(request, response, true));
  return server;
}

function decodablePath(url: string): boolean {
  const path = url.split("?")[0] ?? "";
  try {
    decodeURIComponent(path);
    // An absolute-form target that is no URL ("http://[x/"): the page guard could not read it.
    new URL(url, "http://flowgate.invalid");
    return true;
  } catch {
    return false;
  }
}

function badPath(request: IncomingMessage, response: ServerResponse) {
  refuse(request, response, 400, "Bad Request", "The address is not valid.", "BAD_REQUEST");
}

function tooLarge(request: IncomingMessage, response: ServerResponse, limit: number) {
  refuse(
    request,
    response,
    413,
    "Payload Too Large",
    `The request body is over ${limit.toLocaleString("en")} bytes.`,
    "PAYLOAD_TOO_LARGE",
  );
}

function refuse(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  title: string,
  detail: string,
  code: string,
  requestId: string = randomUUID(),
) {
  const body = JSON.stringify({ type: "about:blank", title, status, detail, code, requestId });
  response.writeHead(status, {
    "content-type": "application/problem+json",
    "content-length": Buffer.byteLength(body),
    "x-request-id": requestId,
    "x-content-type-options": "nosniff",
    connection: "close",
  });
  response.end(body);
  request.resume(); // drain whatever the client still sends; the connection closes after
}

/** Replaces a 5xx that has not been sent yet with 400 problem+json (see the module's comment). */
function answerUndecodableActions(request: IncomingMessage, response: ServerResponse) {
  const writeHead = response.writeHead.bind(response);
  const write = response.write.bind(response);
  const end = response.end.bind(response);
  const flushHeaders = response.flushHeaders.bind(response);
  let replacing = false;
  const failing = () => {
    replacing ||= !response.headersSent && response.statusCode >= 500;
    return replacing;
  };
  response.writeHead = ((status: number, ...rest: unknown[]) => {
    if (status >= 500 && !response.headersSent) {
      response.statusCode = status;
      replacing = true;
      return response;
    }
    return (writeHead as (...args: unknown[]) => ServerResponse)(status, ...rest);
  }) as ServerResponse["writeHead"];
  response.flushHeaders = () => {
    if (!failing()) flushHeaders();
  };
  response.write = ((...args: unknown[]) =>
    failing() ? true : (write as (...a: unknown[]) => boolean)(...args)) as ServerResponse["write"];
  response.end = ((...args: unknown[]) => {
    if (!failing()) return (end as (...a: unknown[]) => ServerResponse)(...args);
    const requestId = randomUUID();
    log.warn(
      { requestId, status: response.statusCode, action: request.headers["next-action"] },
      "a server action call could not be decoded",
    );
    const body = JSON.stringify({
      type: "about:blank",
      title: "Bad Request",
      status: 400,
      detail: "The request could not be read. Reload the page and try again.",
      code: "BAD_REQUEST",
      requestId,
    });
    for (const name of response.getHeaderNames()) response.removeHeader(name);
    writeHead(400, {
      "content-type": "application/problem+json",
      "content-length": Buffer.byteLength(body),
      "x-request-id": requestId,
      "x-content-type-options": "nosniff",
      "cache-control": "no-store",
    });
    const callback = args.find((arg) => typeof arg === "function") as (() => void) | undefined;
    return end(body, callback);
  }) as ServerResponse["end"];
}
