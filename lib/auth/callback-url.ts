/** Only same-site paths may be a post-sign-in destination (no open redirects). */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value === "") return "/";
  let path = value;
  // Auth.js passes absolute URLs of this site; keep their path only.
  if (/^https?:\/\//i.test(value)) {
    try {
      const url = new URL(value);
      path = `${url.pathname}${url.search}`;
    } catch {
      return "/";
    }
  }
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return "/";
  if (path.startsWith("/sign-in") || path.startsWith("/api/")) return "/";
  return path;
}
