/**
 * Text people type may hold any character but these: NUL and the other C0 control characters
 * (tab and line breaks aside), DEL, and UTF-16 surrogates that are not part of a pair (what a
 * broken copy-paste or a hand-made request leaves). PostgreSQL cannot store NUL at all, and an
 * unpaired surrogate has no UTF-8 form: both are refused at the field, with a message saying which.
 * Client-safe.
 */
import "@/lib/zod-config"; // first: before any schema is built (CSP)
import type { z } from "zod";

/** What is wrong with `text`, for a person, or null when nothing is. */
export function textProblem(text: string): string | null {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0);
    return code === 0
      ? "Remove the NUL character (\\0): text cannot contain it."
      : `Remove the control character U+${code.toString(16).toUpperCase().padStart(4, "0")}.`;
  }
  if (!text.isWellFormed()) {
    return "The text has a broken character (half of a UTF-16 pair): type or paste it again.";
  }
  return null;
}

/** `schema` (a string schema) that also refuses what textProblem finds. */
export function cleanText<S extends z.ZodType<string>>(schema: S): S {
  return schema.superRefine((value, ctx) => {
    const problem = textProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }) as unknown as S;
}

/**
 * Issues for every string (object keys included) inside a JSON value that textProblem refuses,
 * at its path: for free-form JSON such as a webhook's payload.
 */
export function jsonTextIssues(
  value: unknown,
  path: (string | number)[] = [],
): { path: (string | number)[]; message: string }[] {
  if (typeof value === "string") {
    const problem = textProblem(value);
    return problem ? [{ path, message: problem }] : [];
  }
  if (Array.isArray(value))
    return value.flatMap((item, index) => jsonTextIssues(item, [...path, index]));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => {
      const problem = textProblem(key);
      return [
        ...(problem ? [{ path: [...path, key], message: `In a key: ${problem}` }] : []),
        ...jsonTextIssues(item, [...path, key]),
      ];
    });
  }
  return [];
}
