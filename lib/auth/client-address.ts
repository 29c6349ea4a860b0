/**
 * The client address used for sign-in throttling and logs: the right-most X-Forwarded-For entry.
 * Behind a reverse proxy that appends the address it saw, that entry is the proxy's word; without
 * one, Next.js sets the header to the socket address, but only when the request has none, so a
 * client can choose it. That is why throttling also counts per account (sign-in-throttle.ts).
 */
export function clientAddress(headers: Headers): string {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries.at(-1) ?? "unknown";
}
