/**
 * Where to go after signing in: only a path of this site (no open redirects). Browsers drop tabs
 * and line breaks from URLs and read "\" as "/", so "/\t/evil.example" would become
 * "//evil.example": any control character or backslash refuses the value outright (and a line
 * break could not go into a Location header anyway). What passes is parsed against a placeholder
 * origin and must stay on it; the normalised path is returned.
 */
const PLACEHOLDER = "http://flowgate.invalid";
const MAX_LENGTH = 2_048;

export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value === "" || value.length > MAX_LENGTH) return "/";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
  if (/[\u0000-\u001f\u007f-\u009f\\\u2028\u2029]/u.test(value)) return "/";
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
  if (!path.startsWith("/") || path.startsWith("//")) return "/";
  let url: URL;
  try {
    url = new URL(path, PLACEHOLDER);
  } catch {
    return "/";
  }
  if (url.origin !== PLACEHOLDER) return "/";
  const normalised = `${url.pathname}${url.search}${url.hash}`;
  if (
    normalised.startsWith("//") ||
    url.pathname === "/sign-in" ||
    url.pathname.startsWith("/sign-in/") ||
    url.pathname.startsWith("/api/")
  ) {
    return "/";
  }
  return normalised;
}
