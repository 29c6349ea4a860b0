import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">Not for your role</h1>
      <p className="mt-2 text-slate-600">Your roles do not give access to this page.</p>
      <Link href="/" className="mt-6 inline-block font-medium text-brand-700 underline">
        Back to Flowgate
      </Link>
    </main>
  );
}
