/**
 * A stand-in for the OpenAI API on 127.0.0.1: it speaks the Responses API (POST /v1/responses)
 * well enough for the official SDK, and answers from a script of behaviours, one per request.
 * OpenAI itself cannot be reached from our machines; everything on our side is real.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Behaviour =
  | {
      kind: "json";
      body: unknown;
      usage?: { input: number; output: number };
      /** Answer only once this settles (a model that is still thinking). */
      after?: Promise<unknown>;
    }
  | { kind: "text"; text: string }
  | { kind: "status"; status: number; message: string }
  | { kind: "hang" };

export interface FakeOpenAI {
  baseURL: string;
  requests: { path: string; body: Record<string, unknown>; headers: http.IncomingHttpHeaders }[];
  script(...behaviours: Behaviour[]): void;
  close(): Promise<void>;
}

function responseBody(text: string, usage = { input: 812, output: 143 }) {
  return {
    id: `resp_${Math.random().toString(36).slice(2)}`,
    object: "response",
    created_at: Math.floor(Date.now() / 1000),
    status: "completed",
    model: "gpt-4.1-mini-2026-04-14",
    output: [
      {
        type: "message",
        id: "msg_1",
        status: "completed",
        role: "assistant",
        content: [{ type: "output_text", text, annotations: [] }],
      },
    ],
    usage: {
      input_tokens: usage.input,
      output_tokens: usage.output,
      total_tokens: usage.input + usage.output,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens_details: { reasoning_tokens: 0 },
    },
    error: null,
    incomplete_details: null,
    instructions: null,
    metadata: {},
    parallel_tool_calls: true,
    temperature: 1,
    tool_choice: "auto",
    tools: [],
    top_p: 1,
  };
}

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const queue: Behaviour[] = [];
  const requests: FakeOpenAI["requests"] = [];
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => {
      raw += chunk;
    });
    req.on("end", () => {
      requests.push({
        path: req.url ?? "",
        body: raw ? JSON.parse(raw) : {},
        headers: req.headers,
      });
      const behaviour = queue.shift() ?? {
        kind: "status",
        status: 500,
        message: "no scripted behaviour left",
      };
      const send = (status: number, body: unknown) => {
        res.writeHead(status, {
          "content-type": "application/json",
          "x-request-id": `req_${requests.length}`,
        });
        res.end(JSON.stringify(body));
      };
      switch (behaviour.kind) {
        case "json":
          if (behaviour.after) {
            hanging.add(res);
            void behaviour.after.then(() => {
              hanging.delete(res);
              send(200, responseBody(JSON.stringify(behaviour.body), behaviour.usage));
            });
            return;
          }
          return send(200, responseBody(JSON.stringify(behaviour.body), behaviour.usage));
        case "text":
          return send(200, responseBody(behaviour.text));
        case "status":
          return send(behaviour.status, {
            error: { message: behaviour.message, type: "error", code: String(behaviour.status) },
          });
        case "hang":
          hanging.add(res);
          return;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...behaviours) => queue.push(...behaviours),
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
