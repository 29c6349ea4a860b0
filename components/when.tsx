/**
 * A time as people read it: relative ("5 minutes ago") with the exact time, in the reader's time
 * zone, on hover and for assistive technology (`<time>` carries the ISO instant).
 */
import { formatExact, formatRelative } from "@/lib/format";

export function When({
  at,
  now,
  timeZone,
}: {
  at: Date | string;
  /** The render's clock (pages pass one `now` to all their times). */
  now: Date;
  timeZone?: string | null;
}) {
  const instant = typeof at === "string" ? new Date(at) : at;
  const exact = formatExact(instant, timeZone);
  return (
    <time dateTime={instant.toISOString()} title={exact} className="whitespace-nowrap">
      {formatRelative(instant, now)}
      <span className="sr-only"> ({exact})</span>
    </time>
  );
}
