/**
 * The browser's check of a request form as it is submitted, with the server's own schema: on a
 * problem the submission stops, the first field at fault gets the focus and the errors are
 * returned; otherwise none. The server checks again whatever arrives.
 */
import type { FormEvent } from "react";
import type { z } from "zod";
import { zodIssues } from "@/lib/errors";
import { firstErrorByField } from "@/lib/forms/result";

export function checkSubmission(
  event: FormEvent<HTMLFormElement>,
  parse: (form: FormData) => z.ZodSafeParseResult<unknown>,
): Record<string, string> {
  const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
  const parsed = parse(new FormData(event.currentTarget, submitter));
  if (parsed.success) return {};
  event.preventDefault();
  const errors = firstErrorByField(zodIssues(parsed.error));
  const first = Object.keys(errors)[0];
  if (first) {
    document
      .getElementById(first.startsWith("fields.") ? `field-${first.slice(7)}` : first)
      ?.focus();
  }
  return errors;
}
