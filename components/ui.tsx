/** Small shared pieces of the UI: class names for controls, alerts and field errors. */
import type { ReactNode } from "react";

export const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:ring-1 focus:ring-brand-600 focus:outline-none aria-[invalid=true]:border-red-500";

const button =
  "inline-flex items-center justify-center gap-1.5 rounded-md px-3 py-2 text-sm font-medium shadow-sm disabled:cursor-not-allowed disabled:border-slate-200 disabled:bg-slate-100 disabled:text-slate-500 disabled:shadow-none";

export const buttonClass = {
  primary: `${button} bg-brand-600 text-white hover:bg-brand-700`,
  secondary: `${button} border border-slate-300 bg-white text-slate-800 hover:bg-slate-100`,
  danger: `${button} border border-red-300 bg-white text-red-800 hover:bg-red-50`,
  approve: `${button} bg-emerald-700 text-white hover:bg-emerald-800`,
} as const;

export function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="mt-1 text-sm text-red-700">
      {message}
    </p>
  ) : null;
}

export function Alert({
  tone = "error",
  children,
  title,
}: {
  tone?: "error" | "success" | "info" | "warning";
  title?: string;
  children?: ReactNode;
}) {
  const tones = {
    error: "border-red-200 bg-red-50 text-red-900",
    success: "border-emerald-200 bg-emerald-50 text-emerald-900",
    info: "border-sky-200 bg-sky-50 text-sky-900",
    warning: "border-amber-200 bg-amber-50 text-amber-900",
  } as const;
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={`rounded-md border px-3 py-2 text-sm ${tones[tone]}`}
    >
      {title ? <p className="font-medium">{title}</p> : null}
      {children ? <div className={title ? "mt-0.5" : ""}>{children}</div> : null}
    </div>
  );
}

/**
 * A titled panel of a page: a section named by its heading (`headingId` when something else, such
 * as a live log or a test, also refers to the heading; otherwise derived from the title).
 * `className` adds layout only: the space around the panel and between its parts.
 */
export function Panel({
  title,
  headingId,
  className,
  children,
}: {
  title: string;
  headingId?: string;
  className?: string;
  children: ReactNode;
}) {
  const id = headingId ?? `section-${title.toLowerCase().replaceAll(" ", "-")}`;
  return (
    <section
      aria-labelledby={id}
      className={`rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5 ${className ?? ""}`}
    >
      <h2 id={id} className="mb-3 text-base font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
