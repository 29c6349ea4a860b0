/**
 * Where a mail's approve / reject link leads: the request's key facts and one button to confirm.
 * Opening it decides nothing (mail scanners follow links); only the confirmation does.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { ApprovedAction } from "@/components/approved-action";
import { LinkDecisionForm } from "@/components/link-decision-form";
import { Logo } from "@/components/logo";
import { Alert } from "@/components/ui";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { describeFields, requestLabel } from "@/lib/format";
import { type LinkPreview, previewLink } from "@/lib/services/decide-by-link";
import { confirmLinkAction } from "./actions";

export const metadata: Metadata = { title: "Confirm your decision", robots: { index: false } };

export default async function DecidePage({ params }: PageProps<"/decide/[token]">) {
  const { token } = await params;
  let preview: LinkPreview;
  try {
    preview = await previewLink(db(), token);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return (
      <Shell>
        <h1 className="text-xl font-semibold">This link cannot be used</h1>
        <div className="mt-4">
          <Alert tone="warning">{error.message}</Alert>
        </div>
        <p className="mt-4 text-sm">
          <Link href="/inbox" className="font-medium text-brand-700 underline">
            Open your inbox in Flowgate
          </Link>
        </p>
      </Shell>
    );
  }
  const { request, claims } = preview;
  const subject = requestLabel(request.number);
  return (
    <Shell>
      <h1 className="text-xl font-semibold">
        {claims.dec === "approve" ? "Approve" : "Reject"} {subject}?
      </h1>
      <p className="mt-1 text-sm text-slate-600">
        You are deciding as {preview.approverName}, from the link in your mail.
      </p>
      <div className="mt-4 space-y-3 rounded-lg border border-slate-200 bg-white p-5 text-sm shadow-sm">
        <p className="font-medium">{request.title}</p>
        {describeFields(request.fields).map((part) => (
          <p key={part}>{part}</p>
        ))}
        {request.summary ? <p className="text-slate-700">AI summary: {request.summary}</p> : null}
        {preview.action ? <ApprovedAction action={preview.action} compact /> : null}
        <p>
          <Link href={`/requests/${request.id}`} className="text-brand-700 underline">
            See the whole request in Flowgate
          </Link>
        </p>
        <LinkDecisionForm
          decision={claims.dec}
          subject={subject}
          action={confirmLinkAction.bind(null, token)}
        />
      </div>
    </Shell>
  );
}

function Shell({ children }: { children: React.ReactNode }) {
  return (
    <main className="mx-auto flex min-h-screen max-w-lg flex-col justify-center px-4 py-12">
      <Logo className="text-2xl" />
      <div className="mt-6">{children}</div>
    </main>
  );
}
