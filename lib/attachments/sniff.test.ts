import { describe, expect, it } from "vitest";
import { cleanFileName, formatBytes, sniffType } from "./sniff";

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p)] : p)));

describe("sniffType", () => {
  it("reads PDF, PNG, JPEG and WebP from their bytes, whatever the name says", () => {
    expect(sniffType(bytes("%PDF-1.7\n…"), "quote.pdf")).toBe("application/pdf");
    expect(sniffType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), "x.jpg")).toBe(
      "image/png",
    );
    expect(sniffType(bytes([0xff, 0xd8, 0xff, 0xe0]), "photo")).toBe("image/jpeg");
    expect(sniffType(bytes("RIFF", [0, 0, 0, 0], "WEBPVP8 "), "a.webp")).toBe("image/webp");
  });

  it("takes UTF-8 text (CSV by its name) and refuses binaries, markup and control characters", () => {
    expect(sniffType(bytes("item,amount\nchairs,14280\n"), "export.csv")).toBe("text/csv");
    expect(sniffType(bytes("Invoice 42: EUR 1,190 — paid\r\n"), "note.txt")).toBe("text/plain");
    expect(sniffType(bytes("MZ", [0x90, 0, 3, 0]), "invoice.pdf")).toBeNull(); // an .exe
    expect(sniffType(bytes("<!DOCTYPE html><script>alert(1)</script>"), "quote.txt")).toBeNull();
    expect(sniffType(bytes('<svg onload="alert(1)"/>'), "logo.txt")).toBeNull();
    expect(sniffType(bytes("a\u0007b"), "bell.txt")).toBeNull();
    expect(sniffType(bytes([0xc3, 0x28]), "bad-utf8.txt")).toBeNull();
    expect(sniffType(new Uint8Array(), "empty.txt")).toBeNull();
  });
});

describe("file names and sizes", () => {
  it("keeps only the name, without paths, quotes or control characters", () => {
    expect(cleanFileName("C:\\Users\\rita\\quote.pdf")).toBe("quote.pdf");
    expect(cleanFileName('../../etc/"pass\nwd".txt')).toBe("passwd.txt");
    expect(cleanFileName("   ")).toBe("file");
    const long = cleanFileName(`${"a".repeat(300)}.pdf`);
    expect(long.length).toBeLessThanOrEqual(200);
    expect(long.endsWith(".pdf")).toBe(true);
  });

  it("says sizes as people read them", () => {
    expect(formatBytes(12)).toBe("12 bytes");
    expect(formatBytes(340_000)).toBe("340 kB");
    expect(formatBytes(10 * 1024 * 1024)).toBe("10.5 MB");
  });
});
