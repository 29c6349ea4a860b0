import type { Metadata, Route } from "next";
import { redirect } from "next/navigation";
import { Logo } from "@/components/logo";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { needsSetup } from "@/lib/services/first-run-setup";
import { DemoAccounts } from "./demo-accounts";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await currentUser()) redirect(callbackUrl as Route);
  // A production database nobody has an account on yet: the first-run set-up comes first.
  if (await needsSetup(db())) redirect("/setup");

  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <Logo className="text-2xl" />
      <h1 className="mt-6 text-xl font-semibold">Sign in to Flowgate</h1>
      <p className="mt-1 text-sm text-slate-600">Approvals, routed and recorded.</p>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        {params.passwordSet ? (
          <p
            role="status"
            className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
          >
            Your password is set: sign in with it.
          </p>
        ) : null}
        <SignInForm callbackUrl={callbackUrl} />
      </div>
      {process.env.NODE_ENV === "development" ? <DemoAccounts /> : null}
    </main>
  );
}
