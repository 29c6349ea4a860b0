"use client";
/**
 * Someone without a time zone yet (their first visit) gets their browser's: saved once, then the
 * page re-renders with times in it. Settings changes it later; nothing here overrides a choice.
 */
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function TimeZoneDetect({
  known,
  adopt,
}: {
  known: string | null;
  /** The server action that keeps the browser's zone (app/(app)/settings/actions.ts). */
  adopt: (zone: string) => Promise<{ ok: boolean }>;
}) {
  const router = useRouter();
  useEffect(() => {
    if (known) return;
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) return;
    adopt(zone).then(
      (result) => {
        if (result.ok) router.refresh();
      },
      () => {}, // offline or signed out meanwhile: the next visit tries again
    );
  }, [known, adopt, router]);
  return null;
}
