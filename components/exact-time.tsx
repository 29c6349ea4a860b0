"use client";
/**
 * An exact time in the reader's time zone, for pages where the instant matters more than "how
 * long ago" (the audit trail, jobs, sessions, tokens, delegations). The zone comes from the
 * signed-in layout (TimeZoneProvider: the person's setting, else UTC), so the server's render and
 * the browser's agree; the `<time>` element carries the ISO instant and the UTC time on hover.
 */
import { createContext, type ReactNode, useContext } from "react";
import { formatExact } from "@/lib/format";

const TimeZoneContext = createContext<string | null>(null);

export function TimeZoneProvider({ zone, children }: { zone: string | null; children: ReactNode }) {
  return <TimeZoneContext.Provider value={zone}>{children}</TimeZoneContext.Provider>;
}

/** The reader's time zone (null: UTC). */
export function useTimeZone(): string | null {
  return useContext(TimeZoneContext);
}

export function ExactTime({ at }: { at: Date | string }) {
  const zone = useTimeZone();
  const instant = typeof at === "string" ? new Date(at) : at;
  return (
    <time dateTime={instant.toISOString()} title={formatExact(instant, "UTC")}>
      {formatExact(instant, zone)}
    </time>
  );
}
