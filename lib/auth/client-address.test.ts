import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustedProxies, resolveClientAddress } from "./client-address";

describe("clientAddress", () => {
  it("reads the address the server resolved (the right-most X-Forwarded-For entry)", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientAddress(new Headers({ "x-forwarded-for": "::1" }))).toBe("::1");
  });

  it("says unknown when there is no address", () => {
    expect(clientAddress(new Headers())).toBe("unknown");
    expect(clientAddress(new Headers({ "x-forwarded-for": " , " }))).toBe("unknown");
  });
});

describe("resolveClientAddress", () => {
  const none = parseTrustedProxies("");
  const proxies = parseTrustedProxies("10.0.0.5, 192.168.0.0/16, 2001:db8::/32");

  it("ignores X-Forwarded-For from a client that is not a trusted proxy", () => {
    expect(resolveClientAddress("203.0.113.9", "1.2.3.4", none)).toBe("203.0.113.9");
    expect(resolveClientAddress("203.0.113.9", "1.2.3.4", proxies)).toBe("203.0.113.9");
    expect(resolveClientAddress("::ffff:203.0.113.9", undefined, none)).toBe("203.0.113.9");
  });

  it("walks back through trusted proxies to the first address that is not one", () => {
    expect(resolveClientAddress("10.0.0.5", "198.51.100.7", proxies)).toBe("198.51.100.7");
    // The client made up the left part; the proxies appended what they saw.
    expect(
      resolveClientAddress("::ffff:10.0.0.5", "6.6.6.6, 198.51.100.7, 192.168.3.4", proxies),
    ).toBe("198.51.100.7");
    expect(resolveClientAddress("2001:db8::1", "2001:db8::2, 2a00::9", proxies)).toBe("2a00::9");
    expect(resolveClientAddress("10.0.0.5", ["198.51.100.7", "192.168.1.1"], proxies)).toBe(
      "198.51.100.7",
    );
  });

  it("stops at the last trusted hop when an entry is not an address, or the list ends", () => {
    expect(resolveClientAddress("10.0.0.5", "evil, 192.168.1.1", proxies)).toBe("192.168.1.1");
    expect(resolveClientAddress("10.0.0.5", "", proxies)).toBe("10.0.0.5");
    expect(resolveClientAddress(undefined, "1.2.3.4", proxies)).toBe("unknown");
  });

  it("knows loopback and private ranges by name", () => {
    const named = parseTrustedProxies("loopback,private");
    expect(resolveClientAddress("127.0.0.1", "172.20.1.1, 203.0.113.1", named)).toBe("203.0.113.1");
    expect(resolveClientAddress("::1", "203.0.113.1", named)).toBe("203.0.113.1");
  });

  it.each(["10.0.0.300", "10.0.0.0/33", "example.com", "10.0.0.0/8/1", "::1/129", "1.2.3.4/x"])(
    "refuses the setting %s, naming it",
    (entry) => {
      expect(() => parseTrustedProxies(`10.0.0.1, ${entry}`)).toThrow(`"${entry}"`);
    },
  );
});
