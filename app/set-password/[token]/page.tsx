import type { Metadata } from "next";
import { Logo } from "@/components/logo";
import { SetPasswordForm } from "@/components/set-password-form";
import { Alert } from "@/components/ui";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { passwordLinkFor } from "@/lib/services/set-password";
import { setPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Set your password", referrer: "no-referrer" };

export default async function SetPasswordPage({ params }: PageProps<"/set-password/[token]">) {
  const { token } = await params;
  let person: Awaited<ReturnType<typeof passwordLinkFor>> | null = null;
  let problem: string | null = null;
  try {
    person = await passwordLinkFor(db(), decodeURIComponent(token));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    problem = error.message;
  }
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <Logo className="text-2xl" />
      <h1 className="mt-6 text-xl font-semibold">
        {person?.purpose === "invite" ? "Welcome to Flowgate" : "Set your password"}
      </h1>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        {person ? (
          <>
            <p className="mb-4 text-sm text-slate-700">
              {person.name}, choose the password you will sign in with as{" "}
              <strong>{person.email}</strong>.
            </p>
            <SetPasswordForm action={setPasswordAction} token={decodeURIComponent(token)} />
          </>
        ) : (
          <Alert title="This link cannot be used">{problem}</Alert>
        )}
      </div>
    </main>
  );
}
