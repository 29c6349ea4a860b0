/**
 * What a file is, from its bytes rather than its name or the browser's word for it: the types
 * Flowgate keeps on a request (quotes, invoices, screenshots, exports). Anything else — an
 * executable renamed .pdf, an HTML page, an SVG with script — is refused.
 */

export const ATTACHMENT_TYPES = {
  "application/pdf": { label: "PDF", extensions: ["pdf"] },
  "image/png": { label: "PNG image", extensions: ["png"] },
  "image/jpeg": { label: "JPEG image", extensions: ["jpg", "jpeg"] },
  "image/webp": { label: "WebP image", extensions: ["webp"] },
  "text/plain": { label: "Text", extensions: ["txt", "log"] },
  "text/csv": { label: "CSV", extensions: ["csv"] },
} as const;

export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

/** 10 MiB: a scanned invoice or a phone's photo, not a video. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
  signature.every((byte, i) => bytes[at + i] === byte);

/** The file's type by its content (and, for text, its name), or null when it is none we keep. */
export function sniffType(bytes: Uint8Array, fileName: string): AttachmentType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf"; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return "image/webp";
  // Text: valid UTF-8 without NUL or other control characters but tab, CR and LF; never markup.
  if (bytes.length === 0 || bytes.includes(0)) return null;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: exactly what is refused
  if (/[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/u.test(text)) return null;
  if (/^\s*<(?:!doctype|html|svg|\?xml|script)/iu.test(text)) return null;
  return extensionOf(fileName) === "csv" ? "text/csv" : "text/plain";
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : "";
}

/** "quote.pdf" as stored and offered back: no path, no control characters, at most 200 characters. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/u).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are dropped
  const clean = base.replace(/[\u0000-\u001f\u007f"]/gu, "").trim();
  if (!clean) return "file";
  if (clean.length <= 200) return clean;
  const ext = extensionOf(clean);
  return `${clean.slice(0, 190 - ext.length).trimEnd()}….${ext}`;
}

/** "1.2 MB", "340 kB", "12 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes < 1_000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1_000)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
