"use client";
/**
 * Questions and comments on a request: the thread (from its audit trail) and, for the people of
 * the request, a form to add one. Posting changes nothing else about the request.
 */
import { useRouter } from "next/navigation";
import { type ReactNode, useState, useTransition } from "react";
import { useEarlyValue, useHydrated } from "@/components/early-input";
import { CommentSchema, MAX_COMMENT_LENGTH } from "@/lib/forms/comment";
import type { ActionResult } from "@/lib/forms/result";
import { Alert, buttonClass, FieldError, inputClass } from "./ui";

export function CommentForm({
  post,
  prompt,
}: {
  /** The server action that posts (app/(app)/requests/actions.ts commentAction). */
  post: (body: string) => Promise<ActionResult<{ seq: number }>>;
  prompt: string;
}) {
  const router = useRouter();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [pending, start] = useTransition();
  const field = useEarlyValue<HTMLTextAreaElement>(setBody);
  const hydrated = useHydrated();
  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        const checked = CommentSchema.safeParse({ body });
        if (!checked.success) {
          setError(checked.error.issues[0]?.message ?? "Check the comment.");
          return;
        }
        start(async () => {
          const result = await post(checked.data.body);
          if (result.ok) {
            setBody("");
            setError(null);
            setDone(true);
            router.refresh();
          } else {
            setDone(false);
            setError(result.fieldErrors.body ?? result.message);
          }
        });
      }}
    >
      <label htmlFor="comment-body" className="block text-sm font-medium text-slate-700">
        {prompt}
      </label>
      <textarea
        ref={field}
        id="comment-body"
        rows={3}
        value={body}
        onChange={(event) => {
          setBody(event.target.value);
          setDone(false);
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={`comment-count${error ? " comment-error" : ""}`}
        className={inputClass}
      />
      <p id="comment-count" className="text-right text-xs text-slate-500">
        {body.trim().length.toLocaleString("en")} / {MAX_COMMENT_LENGTH.toLocaleString("en")}
      </p>
      <FieldError id="comment-error" message={error ?? undefined} />
      {done ? (
        <Alert tone="success">Posted. The others on this request are told by mail.</Alert>
      ) : null}
      <button type="submit" className={buttonClass.secondary} disabled={pending || !hydrated}>
        {pending ? "Posting…" : "Post"}
      </button>
    </form>
  );
}

export function CommentThread({
  comments,
}: {
  comments: { seq: number; author: string; when: ReactNode; body: string }[];
}) {
  if (comments.length === 0) {
    return <p className="text-sm text-slate-600">No questions or comments yet.</p>;
  }
  return (
    <ol className="space-y-3" aria-label="Questions and comments" data-testid="comments">
      {comments.map((comment) => (
        <li key={comment.seq} className="rounded-md bg-slate-50 p-3 text-sm">
          <p className="text-xs text-slate-600">
            <span className="font-medium text-slate-900">{comment.author}</span> · {comment.when}
          </p>
          <p className="mt-1 whitespace-pre-wrap break-words">{comment.body}</p>
        </li>
      ))}
    </ol>
  );
}
