/**
 * Any /api path no route serves: 404 problem+json (not the HTML not-found page), for every
 * method, so a program that mistyped a path hears it in the API's own terms.
 */
import { apiRoute } from "@/lib/api/route";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

const notFound = apiRoute({ public: true }, async () => {
  throw new AppError("NOT_FOUND", "There is no such API path. The API is described at /api/docs.");
});

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
