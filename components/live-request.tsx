"use client";
/**
 * Keeps a request's page current: follows /api/live for this request and refreshes the page when
 * a newer version lands (someone decided, the SLA escalated it, its action ran). Without the
 * stream (it failed, or the browser has none) the page simply stays as loaded.
 */
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function LiveRequest({ requestId, version }: { requestId: string; version: number }) {
  const router = useRouter();
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource(`/api/live?request=${encodeURIComponent(requestId)}`);
    const onRequest = (event: MessageEvent<string>) => {
      const data = JSON.parse(event.data) as { version?: number };
      if (typeof data.version === "number" && data.version > version) router.refresh();
    };
    const onResync = () => router.refresh();
    source.addEventListener("request", onRequest);
    source.addEventListener("resync", onResync);
    return () => source.close();
  }, [requestId, version, router]);
  return null;
}
