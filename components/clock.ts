/**
 * The reader's clock, for times shown relative to now ("3 minutes ago", "due in 2 h").
 *
 * A client component's first render runs twice, on the server and again while hydrating, seconds
 * apart on a slow network; text worked out from two different clocks differs across a minute's
 * edge, and React answers that mismatch by throwing the server's HTML away and rendering the whole
 * page again in the browser, losing whatever the person had typed meanwhile. So the first render
 * uses `first` (the server's clock, handed down as a prop, or null for "no clock yet"), and the
 * reader's clock takes over right after hydration, ticking every `everyMs`.
 */
import { useEffect, useState } from "react";

export const TICK_MS = 30_000;

export function useNow<T extends Date | null>(first: T, everyMs = TICK_MS): Date | T {
  const [now, setNow] = useState<Date | T>(first);
  useEffect(() => {
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
