/** GET /api/v1/requests (list) and POST /api/v1/requests (create from text, or text and fields). */
import { problemFor } from "@/lib/api/problem";
import { endpoint } from "@/lib/api/v1/endpoint";
import { operations } from "@/lib/api/v1/operations";
import { requestResource } from "@/lib/api/v1/present";
import { AppError } from "@/lib/errors";
import { requestLabel } from "@/lib/format";
import { createDraftFromText } from "@/lib/services/create-draft-from-text";
import { createRequest } from "@/lib/services/create-request";
import { listRequests } from "@/lib/services/list-requests";
import { submitRequest } from "@/lib/services/submit-request";
import { viewRequest } from "@/lib/services/view-request";

export const dynamic = "force-dynamic";

export const GET = endpoint(operations.listRequests, async ({ db, principal, query }) => {
  const page = await listRequests(db, principal.user, query);
  return {
    body: {
      items: page.items.map((row) => ({
        id: row.id,
        number: row.number,
        reference: requestLabel(row.number),
        type: row.type,
        title: row.title,
        status: row.status,
        stepRole: row.stepRole,
        stepDueAt: row.stepDueAt?.toISOString() ?? null,
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
      })),
      nextCursor: page.nextCursor,
    },
  };
});

export const POST = endpoint(
  operations.createRequest,
  async ({ db, principal, body, now, requestId }) => {
    const { text, title, type, fields, action, submit } = body;
    let id: string;
    let submitError: AppError | null = null;
    if (type) {
      const created = await createRequest(
        db,
        principal.user,
        {
          text,
          ...(title ? { title } : {}),
          type,
          fields: fields ?? {},
          intent: submit ? "submit" : "save",
          ...(action !== undefined ? { action } : {}),
        },
        { now },
      );
      id = created.id;
      submitError = created.submitError;
    } else {
      if (fields !== undefined || action !== undefined) {
        throw new AppError("VALIDATION_FAILED", "Fields and an action go with a confirmed type.", [
          { field: "type", message: "Give the type when you give fields or an action." },
        ]);
      }
      const created = await createDraftFromText(
        db,
        principal.user,
        { text, ...(title ? { title } : {}) },
        { now },
      );
      id = created.id;
      if (submit) {
        try {
          await submitRequest(db, principal.user, id, { now });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          submitError = error;
        }
      }
    }
    const view = await viewRequest(db, principal.user, id);
    return {
      body: {
        request: requestResource(view),
        submitError: submitError ? problemFor(submitError, requestId) : null,
      },
      etag: view.detail.loaded.version,
      location: `/requests/${id}`,
    };
  },
);
