/** Links into the audit explorer (client-safe). */
import type { Route } from "next";

export const eventHref = (stream: string, seq: number) =>
  `/admin/audit/event?stream=${encodeURIComponent(stream)}&seq=${seq}` as Route;
