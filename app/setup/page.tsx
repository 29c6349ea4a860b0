import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Logo } from "@/components/logo";
import { SetupForm } from "@/components/setup-form";
import { db } from "@/lib/db/client";
import { needsSetup, setupTokenRequired } from "@/lib/services/first-run-setup";
import { setupAction } from "./actions";

export const metadata: Metadata = { title: "Set up Flowgate" };

/** Offered only while nobody has an account: afterwards this page does not exist. */
export default async function SetupPage() {
  if (!(await needsSetup(db()))) notFound();
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <Logo className="text-2xl" />
      <h1 className="mt-6 text-xl font-semibold">Set up Flowgate</h1>
      <p className="mt-1 text-sm text-slate-600">
        Nobody has an account yet. Create the first administrator; they add everyone else.
      </p>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <SetupForm action={setupAction} tokenRequired={setupTokenRequired()} />
      </div>
    </main>
  );
}
