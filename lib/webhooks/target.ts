/**
 * Where webhooks may go. An admin types the URL, but a webhook is still the server making a
 * request on someone's say-so (SSRF): http(s) only, no credentials in the URL, and — unless
 * WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true (the embedded quick start sets it, for receivers on the same
 * machine) — no address on this machine or the private network: checked when the subscription is
 * made and again at each delivery, on every address the name resolves to. Redirects are not
 * followed (a 3xx is a failed attempt).
 */
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { AppError } from "@/lib/errors";

const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  blocked.addSubnet(net, prefix, "ipv6");
}

export function isPrivateAddress(address: string): boolean {
  // An IPv4 address written as IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it is.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const plain = mapped ?? address;
  const family = isIP(plain);
  if (family === 0) return true;
  return blocked.check(plain, family === 4 ? "ipv4" : "ipv6");
}

export function privateNetworksAllowed(): boolean {
  return process.env.WEBHOOKS_ALLOW_PRIVATE_NETWORKS === "true";
}

/** Refuses a URL whose host is (or resolves to) an address on this machine or a private network. */
export async function assertPublicTarget(url: string, field = "url"): Promise<void> {
  if (privateNetworksAllowed()) return;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    throw new AppError("VALIDATION_FAILED", `${host} does not resolve.`, [
      { field, message: `${host} does not resolve to an address.` },
    ]);
  }
  if (addresses.length === 0 || addresses.some(isPrivateAddress)) {
    throw new AppError("VALIDATION_FAILED", "Webhooks go to public addresses only.", [
      {
        field,
        message: `${host} is on this machine or a private network (set WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true to allow).`,
      },
    ]);
  }
}
