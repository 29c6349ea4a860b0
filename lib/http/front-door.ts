/**
 * What the HTTP server does to each request before Next.js sees it (scripts/server.ts):
 * - a body declared larger than `maxBodyBytes` gets 413 problem+json, unread (also when the client
 *   asks "Expect: 100-continue" first: it is told no before it sends anything);
 * - X-Forwarded-For is replaced by the one client address resolved from the socket and the
 *   header, believing the header only from trusted proxies (lib/auth/client-address.ts).
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { BlockList } from "node:net";
import { resolveClientAddress } from "@/lib/auth/client-address";

type Handler = (request: IncomingMessage, response: ServerResponse) => unknown;

export interface FrontDoorOptions {
  trustedProxies: BlockList;
  maxBodyBytes: number;
}

export function frontDoor(server: Server, handle: Handler, options: FrontDoorOptions): Server {
  const admit = (request: IncomingMessage, response: ServerResponse, continued: boolean) => {
    const declared = Number(request.headers["content-length"] ?? 0);
    if (declared > options.maxBodyBytes) return tooLarge(request, response, options.maxBodyBytes);
    if (continued) response.writeContinue();
    request.headers["x-forwarded-for"] = resolveClientAddress(
      request.socket.remoteAddress,
      request.headers["x-forwarded-for"],
      options.trustedProxies,
    );
    void handle(request, response);
  };
  server.on("request", (request, response) => admit(request, response, false));
  server.on("checkContinue", (request, response) => admit(request, response, true));
  return server;
}

function tooLarge(request: IncomingMessage, response: ServerResponse, limit: number) {
  const requestId = randomUUID();
  const body = JSON.stringify({
    type: "about:blank",
    title: "Payload Too Large",
    status: 413,
    detail: `The request body is over ${limit.toLocaleString("en")} bytes.`,
    code: "PAYLOAD_TOO_LARGE",
    requestId,
  });
  response.writeHead(413, {
    "content-type": "application/problem+json",
    "content-length": Buffer.byteLength(body),
    "x-request-id": requestId,
    "x-content-type-options": "nosniff",
    connection: "close",
  });
  response.end(body);
  request.resume(); // drain whatever the client still sends; the connection closes after
}
