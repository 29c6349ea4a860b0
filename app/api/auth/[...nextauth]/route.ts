/**
 * Auth.js's own endpoints (session, CSRF token, sign-in callback). Auth.js answers 500 to input it
 * cannot use (a callback URL it refuses, in the query, the form or a cookie the client set; an
 * unknown action): that is bad input, not our failure, so it is answered 400 problem+json, logged
 * with the request id (Auth.js has logged the cause through lib/auth's logger).
 */
import { problemResponse } from "@/lib/api/problem";
import { requestIdOf } from "@/lib/api/route";
import { handlers } from "@/lib/auth";
import { log } from "@/lib/log";

type Handler = (typeof handlers)["GET"];

function refusingBadInput(handler: Handler): Handler {
  return async (request) => {
    const response = await handler(request);
    if (response.status < 500) return response;
    const requestId = requestIdOf(request);
    log.warn(
      { requestId, url: request.url, status: response.status },
      "auth endpoint refused its input",
    );
    return problemResponse({
      type: "about:blank",
      title: "Bad Request",
      status: 400,
      detail: "The request could not be used. Go back to the sign-in page and try again.",
      code: "BAD_REQUEST",
      requestId,
    });
  };
}

export const GET = refusingBadInput(handlers.GET);
export const POST = refusingBadInput(handlers.POST);
