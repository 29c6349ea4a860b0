/**
 * The Flowgate API in five minutes, with the typed client (openapi-fetch + the generated types).
 *
 *   npm run dev                              # in one terminal: the app with its demo data
 *   npx tsx examples/api-quickstart.ts       # in another
 *
 * It writes a request in plain words as the demo requester, lets the AI read it, submits it, has
 * the three approvers its workflow asks for (Manager → Finance → Director) approve it with their own
 * tokens, then reads the hash-chained audit trail, checks each link itself and asks the server to
 * verify it. The demo accounts' tokens are made by the demo seed (prisma/demo-tokens.ts); against
 * another Flowgate, set FLOWGATE_URL and FLOWGATE_TOKENS (four tokens, comma-separated: a requester,
 * then a manager of their department, finance and a director) — make them in Settings → API tokens.
 */
import createClient from "openapi-fetch";
import type { paths } from "../lib/api/v1/client-types";
import { DEMO_TOKEN_ACCOUNTS, demoToken } from "../prisma/demo-tokens";

const base = `${(process.env.FLOWGATE_URL ?? "http://localhost:3000").replace(/\/+$/, "")}/api/v1`;
const tokens = process.env.FLOWGATE_TOKENS
  ? process.env.FLOWGATE_TOKENS.split(",").map((t) => t.trim())
  : DEMO_TOKEN_ACCOUNTS.map((email) => demoToken(email).token);
const [requesterToken, ...approverTokens] = tokens;
if (!requesterToken || approverTokens.length < 3) {
  throw new Error("FLOWGATE_TOKENS needs four tokens: requester, manager, finance, director.");
}

const as = (token: string) =>
  createClient<paths>({ baseUrl: base, headers: { authorization: `Bearer ${token}` } });

/** Throws with the problem's detail (RFC 9457) when a call failed. */
function ok<T>(result: { data?: T; error?: unknown; response: Response }, what: string): T {
  if (result.data === undefined) {
    const problem = result.error as { detail?: string; code?: string } | undefined;
    throw new Error(
      `${what}: HTTP ${result.response.status} ${problem?.code ?? ""} ${problem?.detail ?? ""}`,
    );
  }
  return result.data;
}

const requester = as(requesterToken);
const me = ok(await requester.GET("/me"), "who am I");
console.log(`Signed in as ${me.name} (${me.roles.join(", ")}), scopes ${me.scopes.join(", ")}`);

// 1. Plain words in: the AI suggests type and fields; the draft is submitted at once.
const created = ok(
  await requester.POST("/requests", {
    params: { header: { "Idempotency-Key": crypto.randomUUID() } },
    body: {
      text: "We need 12 ergonomic chairs for the Berlin office, EUR 14,280 incl. delivery, by March.",
      submit: true,
    },
  }),
  "create",
);
const request = created.request;
console.log(
  `${request.reference} "${request.title}": ${request.type}, ${JSON.stringify(request.fields)}`,
);
if (created.submitError) {
  throw new Error(`not submitted: ${created.submitError.detail} (confirm the fields in the app)`);
}
console.log(
  `  chain: ${request.chain.steps.map((s) => s.role).join(" → ")} · AI: ${request.ai?.summary}`,
);

// 2. Each approver finds it in their inbox and approves the version they saw (If-Match).
for (const token of approverTokens.slice(0, 3)) {
  const approver = as(token);
  const who = ok(await approver.GET("/me"), "approver");
  const inbox = ok(await approver.GET("/inbox", { params: { query: { limit: 200 } } }), "inbox");
  const item = inbox.items.find((i) => i.id === request.id);
  if (!item) throw new Error(`${request.reference} is not in ${who.name}'s inbox`);
  const decided = ok(
    await approver.POST("/requests/{id}/decisions", {
      params: { path: { id: request.id }, header: { "If-Match": `"${item.version}"` } },
      body: { decision: "approve", comment: "Fine by me." },
    }),
    `approval by ${who.name}`,
  );
  console.log(`  approved by ${who.name} (${item.stepRole}) → ${decided.status}`);
}

// 3. The audit trail: every event, each chained to the one before by SHA-256.
const trail = ok(
  await requester.GET("/requests/{id}/audit", { params: { path: { id: request.id } } }),
  "audit trail",
);
let previous: string | null = null;
for (const event of trail.events) {
  if (event.prevHash !== previous) throw new Error(`the chain breaks at event ${event.seq}`);
  previous = event.hash;
  console.log(
    `  #${event.seq} ${event.createdAt} ${event.actor.name ?? event.actor.type}: ${event.description}`,
  );
}
const verification = ok(
  await requester.GET("/requests/{id}/audit/verification", {
    params: { path: { id: request.id } },
  }),
  "verification",
);
console.log(
  `Audit trail: ${verification.events} events, links checked here, server verdict ${verification.ok ? "intact" : `BROKEN (${verification.reason})`}, head ${verification.head?.slice(0, 12)}…`,
);
// The hashes are SHA-256 over each event's RFC 8785 JSON (lib/engine/audit-chain.ts has the encoding).
