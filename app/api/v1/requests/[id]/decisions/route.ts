/** POST /api/v1/requests/{id}/decisions: approve, reject, request changes, escalate. */
import { endpoint } from "@/lib/api/v1/endpoint";
import { operations } from "@/lib/api/v1/operations";
import { transitionReply } from "@/lib/api/v1/present";
import { AppError } from "@/lib/errors";
import { decideStep } from "@/lib/services/decide-step";

export const dynamic = "force-dynamic";

export const POST = endpoint(
  operations.decide,
  async ({ db, principal, params, body, ifMatch, now }) => {
    if (ifMatch !== undefined && body.version !== undefined && body.version !== ifMatch) {
      throw new AppError("INVALID_REQUEST", "If-Match and version name different versions.", [
        { field: "version", message: "Send one of them, or the same version in both." },
      ]);
    }
    const applied = await decideStep(
      db,
      principal.user,
      params.id,
      { ...body, version: ifMatch ?? body.version },
      now,
      { via: "api" },
    );
    return transitionReply(applied);
  },
);
