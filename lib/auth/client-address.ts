/**
 * The client's address, for sign-in throttling and logs.
 *
 * Only the HTTP server knows the socket's address, so the server in front of Next.js
 * (scripts/server.ts) resolves the client's address from the socket and X-Forwarded-For and
 * replaces the header with that one address: X-Forwarded-For is believed only hop by hop from
 * proxies listed in TRUSTED_PROXIES (right to left, as each proxy appends the address it saw), so a
 * client cannot choose its own address by sending the header. `clientAddress` reads the result.
 */
import { BlockList, isIP } from "node:net";

/** The address the server put in X-Forwarded-For (its right-most entry). */
export function clientAddress(headers: Headers): string {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries.at(-1) ?? "unknown";
}

const NAMED: Record<string, string[]> = {
  loopback: ["127.0.0.0/8", "::1/128"],
  private: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
};

/**
 * TRUSTED_PROXIES: addresses and CIDR ranges, comma-separated ("10.0.0.5, 10.1.0.0/16"), and
 * the names "loopback" and "private". Empty: no proxy is trusted (X-Forwarded-For is ignored).
 * Throws on an entry it cannot read, naming it.
 */
export function parseTrustedProxies(value: string | undefined): BlockList {
  const list = new BlockList();
  const entries = (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .flatMap((entry) => NAMED[entry.toLowerCase()] ?? [entry]);
  for (const entry of entries) {
    const [address = "", bits, extra] = entry.split("/");
    const type = isIP(address);
    const prefix = bits === undefined ? (type === 6 ? 128 : 32) : Number(bits);
    if (
      type === 0 ||
      extra !== undefined ||
      !Number.isInteger(prefix) ||
      prefix < 0 ||
      prefix > (type === 6 ? 128 : 32)
    ) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an address or a CIDR range`);
    }
    list.addSubnet(address, prefix, type === 6 ? "ipv6" : "ipv4");
  }
  return list;
}

/** "::ffff:10.0.0.1" (IPv4 on an IPv6 socket) is 10.0.0.1. */
function plain(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped?.[1] ?? address;
}

function trusted(list: BlockList, address: string): boolean {
  const type = isIP(address);
  return type !== 0 && list.check(address, type === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address: the socket's, unless that is a trusted proxy; then X-Forwarded-For is read
 * right to left past trusted proxies to the first address that is not one. An entry that is not an
 * address stops the walk at the last trusted hop (a proxy would never write it).
 */
export function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxies: BlockList,
): string {
  let client = plain(socketAddress ?? "");
  if (!client) return "unknown";
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((entry) => plain(entry.trim()))
    .filter(Boolean);
  while (trusted(trustedProxies, client) && hops.length > 0) {
    const next = hops.pop() as string;
    if (isIP(next) === 0) break;
    client = next;
  }
  return client;
}
