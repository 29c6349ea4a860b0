/** RFC 9457 problem details, the body of every API error. */
import { ZodError } from "zod";
import { AppError, type FieldIssue, zodIssues } from "@/lib/errors";

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId: string;
  errors?: FieldIssue[];
}

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  412: "Precondition Failed",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

export function problemFor(error: unknown, requestId: string): Problem {
  if (error instanceof AppError) {
    return {
      type: `https://flowgate.dev/problems/${error.code.toLowerCase().replaceAll("_", "-")}`,
      title: TITLES[error.status] ?? "Error",
      status: error.status,
      detail: error.message,
      code: error.code,
      requestId,
      ...(error.issues.length ? { errors: error.issues } : {}),
    };
  }
  if (error instanceof ZodError) {
    return problemFor(
      new AppError("VALIDATION_FAILED", "The request has invalid fields.", zodIssues(error)),
      requestId,
    );
  }
  return {
    type: "about:blank",
    title: TITLES[500] as string,
    status: 500,
    detail: `Something went wrong on our side. Quote request id ${requestId} when reporting it.`,
    code: "INTERNAL",
    requestId,
  };
}

export function problemResponse(problem: Problem, headers?: HeadersInit): Response {
  return Response.json(problem, {
    status: problem.status,
    headers: {
      ...headers,
      "content-type": "application/problem+json",
      "x-request-id": problem.requestId,
    },
  });
}
