/** POST /api/v1/suggestions: the AI's reading of a text, nothing saved. */
import { endpoint } from "@/lib/api/v1/endpoint";
import { operations } from "@/lib/api/v1/operations";
import { suggestForForm } from "@/lib/services/suggest-for-form";

export const dynamic = "force-dynamic";

export const POST = endpoint(operations.suggest, async ({ principal, body, now }) => {
  const suggestion = await suggestForForm(principal.user, body.text, now);
  return { body: { suggestion } };
});
