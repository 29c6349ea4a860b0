"use client";
/**
 * A request's files: download for whoever sees the request; add (the people of the request) and
 * remove (whoever added it). Uploads go to /api/requests/{id}/attachments, which reads the type
 * from the bytes; the limits are said up front and checked again there.
 */
import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition } from "react";
import { ATTACHMENT_TYPES, formatBytes, MAX_ATTACHMENT_BYTES } from "@/lib/attachments/sniff";
import { useHydrated } from "./early-input";
import { Alert, FieldError } from "./ui";

export interface AttachmentRow {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  uploadedBy: { id: string; name: string };
  /** Rendered by the page (relative time in the reader's zone). */
  when: React.ReactNode;
}

const ACCEPT = Object.values(ATTACHMENT_TYPES)
  .flatMap((t) => t.extensions.map((ext) => `.${ext}`))
  .join(",");

async function problemOf(response: Response): Promise<string> {
  const problem = (await response.json().catch(() => null)) as {
    detail?: string;
    errors?: { field: string; message: string }[];
  } | null;
  return (
    problem?.errors?.[0]?.message ??
    problem?.detail ??
    `The upload failed (HTTP ${response.status}).`
  );
}

export function Attachments({
  requestId,
  files,
  canAdd,
  userId,
}: {
  requestId: string;
  files: AttachmentRow[];
  canAdd: boolean;
  userId: string;
}) {
  const router = useRouter();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const hydrated = useHydrated();

  function upload(file: File) {
    setNotice(null);
    if (file.size > MAX_ATTACHMENT_BYTES) {
      setError(
        `Files can be up to ${formatBytes(MAX_ATTACHMENT_BYTES)}; this one is ${formatBytes(file.size)}.`,
      );
      return;
    }
    const body = new FormData();
    body.set("file", file);
    start(async () => {
      const response = await fetch(`/api/requests/${requestId}/attachments`, {
        method: "POST",
        body,
      });
      if (!response.ok) {
        setError(await problemOf(response));
        return;
      }
      setError(null);
      setNotice(`Attached ${file.name}.`);
      if (input.current) input.current.value = "";
      router.refresh();
    });
  }

  function remove(file: AttachmentRow) {
    start(async () => {
      const response = await fetch(`/api/requests/${requestId}/attachments/${file.id}`, {
        method: "DELETE",
      });
      if (!response.ok) {
        setError(await problemOf(response));
        return;
      }
      setNotice(`Removed ${file.fileName}.`);
      router.refresh();
    });
  }

  return (
    <div className="space-y-3 text-sm">
      {files.length === 0 ? (
        <p className="text-slate-600">No files yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Files" data-testid="attachments">
          {files.map((file) => (
            <li key={file.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
              <a
                href={`/api/requests/${requestId}/attachments/${file.id}`}
                className="min-w-0 truncate font-medium text-brand-700 underline"
                download={file.fileName}
              >
                {file.fileName}
              </a>
              <span className="text-xs text-slate-600">
                {formatBytes(file.sizeBytes)} · {file.uploadedBy.name} · {file.when}
              </span>
              {file.uploadedBy.id === userId ? (
                <button
                  type="button"
                  className="ml-auto text-xs font-medium text-red-800 underline"
                  disabled={pending || !hydrated}
                  onClick={() => remove(file)}
                >
                  Remove<span className="sr-only"> {file.fileName}</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {canAdd ? (
        <div>
          <label htmlFor={inputId} className="block font-medium text-slate-700">
            Attach a file
          </label>
          <p id={`${inputId}-hint`} className="text-xs text-slate-500">
            PDF, PNG, JPEG, WebP, text or CSV, up to {formatBytes(MAX_ATTACHMENT_BYTES)}.
          </p>
          <input
            id={inputId}
            ref={input}
            type="file"
            accept={ACCEPT}
            disabled={pending}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${inputId}-hint${error ? ` ${inputId}-error` : ""}`}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) upload(file);
            }}
            className="mt-1 block text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-100"
          />
          <FieldError id={`${inputId}-error`} message={error ?? undefined} />
          {pending ? <p className="text-xs text-slate-600">Uploading…</p> : null}
        </div>
      ) : error ? (
        <FieldError id={`${inputId}-error`} message={error} />
      ) : null}
    </div>
  );
}
