/** Display helpers shared by pages, mail and the audit views (client-safe): labels, times, money. */
export const requestLabel = (number: number) => `FG-${number}`;

export function formatStatus(status: string): string {
  return status.charAt(0) + status.slice(1).toLowerCase().replaceAll("_", " ");
}

/**
 * An instant in UTC ("2026-03-02 09:00 UTC"), for values people enter in UTC (a delegation's
 * days); everything else is shown in the reader's zone (formatExact, components/exact-time.tsx).
 */
export function formatDateTime(at: Date | string): string {
  const instant = typeof at === "string" ? new Date(at) : at;
  return `${instant.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/**
 * Intl formatters made once per key and kept: making one costs far more than formatting with it
 * (ICU loads its data; a page with twenty times on it made eighty, a profile of the inbox page
 * under load put ~4 % of the server's CPU there). `make` returns null for a key that cannot have
 * one (an unknown zone or currency), which is kept too. At most `limit` keys are kept, so
 * arbitrary keys cannot fill memory; past that, formatters are made per call as before.
 */
function formatterCache<F>(make: (key: string) => F | null, limit = 500) {
  const kept = new Map<string, F | null>();
  return (key: string): F | null => {
    const known = kept.get(key);
    if (known !== undefined) return known;
    const made = make(key);
    if (kept.size < limit) kept.set(key, made);
    return made;
  };
}

const moneyFormat = formatterCache((currency) => {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency });
  } catch {
    return null;
  }
});

export function formatMoney(amount: number, currency: string | undefined): string {
  if (!currency) return amount.toLocaleString("en");
  return moneyFormat(currency)?.format(amount) ?? `${currency} ${amount.toLocaleString("en")}`;
}

/** A step's time: "30 min", "24 h", "3 days". */
export function formatHours(hours: number): string {
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours >= 48 && hours % 24 === 0) return `${hours / 24} days`;
  return `${Math.round(hours * 10) / 10} h`;
}

export function formatPercent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/** "in 3 h 20 min", "12 min ago": the time to `due` from `now`, for SLA countdowns. */
export function formatCountdown(due: Date, now: Date): string {
  const ms = due.getTime() - now.getTime();
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1_440);
  const hours = Math.floor((minutes % 1_440) / 60);
  const rest = minutes % 60;
  const span =
    days > 0 ? `${days} d ${hours} h` : hours > 0 ? `${hours} h ${rest} min` : `${rest} min`;
  return ms >= 0 ? `due in ${span}` : `overdue by ${span}`;
}

export type SlaLevel = "ok" | "soon" | "late";

/** Amber when less than a quarter of the step's time is left, red once it is overdue. */
export function slaLevel(startedAt: Date | null, due: Date, now: Date): SlaLevel {
  const left = due.getTime() - now.getTime();
  if (left <= 0) return "late";
  const total = startedAt ? due.getTime() - startedAt.getTime() : 24 * 3_600_000;
  return left < total / 4 ? "soon" : "ok";
}

/** Fields as people read them: "EUR 14,280.00", "2 days (2026-12-01 → 2026-12-02)", "severity 4". */
export function describeFields(fields: Record<string, unknown>): string[] {
  const parts: string[] = [];
  if (typeof fields.amount === "number") {
    parts.push(formatMoney(fields.amount, fields.currency as string | undefined));
  }
  if (typeof fields.days === "number") {
    const range =
      fields.startDate && fields.endDate ? ` (${fields.startDate} → ${fields.endDate})` : "";
    parts.push(`${fields.days} day${fields.days === 1 ? "" : "s"}${range}`);
  }
  if (typeof fields.severity === "number") parts.push(`severity ${fields.severity}`);
  return parts;
}

/** formatExact's formatter for a zone, or null when this runtime does not know the zone. */
const exactFormat = formatterCache((zone) => {
  if (zone.length === 0 || zone.length > 64) return null;
  try {
    return new Intl.DateTimeFormat("en-GB", {
      weekday: "short",
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: zone,
      timeZoneName: "short",
    });
  } catch {
    return null;
  }
});

/** Whether `zone` is a time zone this runtime knows ("Europe/Berlin", "UTC"). */
export function isTimeZone(zone: string): boolean {
  return exactFormat(zone) !== null;
}

/** "Tue, 1 Dec 2026, 10:02 CET": the exact time in the reader's zone (UTC until they have one). */
export function formatExact(at: Date | string, timeZone?: string | null): string {
  const format =
    (timeZone ? exactFormat(timeZone) : null) ?? (exactFormat("UTC") as Intl.DateTimeFormat);
  return format.format(typeof at === "string" ? new Date(at) : at);
}

const RELATIVE = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["week", 7 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** "5 minutes ago", "in 3 hours", "yesterday", "just now": `at` seen from `now`. */
export function formatRelative(at: Date | string, now: Date): string {
  const ms = (typeof at === "string" ? new Date(at) : at).getTime() - now.getTime();
  if (Math.abs(ms) < 45_000) return "just now";
  for (const [unit, size] of UNITS) {
    if (Math.abs(ms) >= size || unit === "minute") {
      return RELATIVE.format(Math.round(ms / size), unit);
    }
  }
  return "just now";
}
