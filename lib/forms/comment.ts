/** A question or comment on a request, checked the same way in the browser and on the server. */
import "@/lib/zod-config"; // first: before any schema is built (CSP)
import { z } from "zod";
import { cleanText } from "./text";

export const MAX_COMMENT_LENGTH = 2_000;

export const CommentSchema = z
  .object({
    body: cleanText(
      z
        .string({ error: "Write your question or comment." })
        .trim()
        .min(1, "Write your question or comment.")
        .max(
          MAX_COMMENT_LENGTH,
          `Keep it under ${MAX_COMMENT_LENGTH.toLocaleString("en")} characters.`,
        ),
    ),
  })
  .strict();

export type CommentInput = z.infer<typeof CommentSchema>;
