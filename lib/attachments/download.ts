/**
 * The headers of a file download, for the page's route and the API alike: a download that no
 * browser renders in our origin (`attachment`, `nosniff`; next.config.ts adds the API's
 * sandboxing CSP to every /api answer), named in ASCII and in UTF-8, private, with the bytes'
 * SHA-256 as the ETag.
 */
export function downloadHeaders(file: {
  fileName: string;
  mediaType: string;
  sha256: string;
  bytes: Uint8Array;
}): Record<string, string> {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/gu, "_").replace(/["\\]/g, "_");
  return {
    "content-type": file.mediaType.startsWith("text/")
      ? `${file.mediaType}; charset=utf-8`
      : file.mediaType,
    "content-length": String(file.bytes.byteLength),
    "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    "x-content-type-options": "nosniff",
    "cache-control": "private, no-store",
    etag: `"${file.sha256}"`,
  };
}
