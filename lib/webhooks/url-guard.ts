import { lookup, promises as dns } from "node:dns";
import { BlockList, isIP } from "node:net";

/**
 * Where webhooks may be sent (SSRF guard). https only; plain http to a loopback host only outside
 * production or with WEBHOOKS_ALLOW_HTTP_LOOPBACK=1 (local receivers, the test suite). In production,
 * hosts resolving to private, loopback or link-local addresses are refused, at subscription and again
 * at each connection (so a DNS answer changed after the check cannot reach inside).
 */
export type UrlPolicy = { allowHttpLoopback: boolean; allowPrivateAddresses: boolean };

export function webhookUrlPolicy(env: NodeJS.ProcessEnv = process.env): UrlPolicy {
  const production = env.NODE_ENV === "production";
  const loopbackAllowed = !production || env.WEBHOOKS_ALLOW_HTTP_LOOPBACK === "1";
  return { allowHttpLoopback: loopbackAllowed, allowPrivateAddresses: loopbackAllowed };
}

const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) blocked.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8]] as const) {
  blocked.addSubnet(network, prefix, "ipv6");
}

/** Whether an IP address is one a webhook must not reach in production. */
export function isPrivateAddress(address: string): boolean {
  // An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is that IPv4 address. (A ::ffff:0:0/96 rule in the
  // block list would match every IPv4 address: BlockList checks IPv4 against IPv6 rules mapped.)
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPrivateAddress(mapped[1]);
  const family = isIP(address);
  if (family === 0) return true;
  return blocked.check(address, family === 6 ? "ipv6" : "ipv4");
}

const isLoopbackHost = (hostname: string) =>
  hostname === "localhost" || hostname.endsWith(".localhost") || hostname === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(hostname);

/** Why this URL cannot be a webhook endpoint under the policy, or null. Checks the text only (no DNS). */
export function webhookUrlProblem(value: string, policy: UrlPolicy): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "must be an absolute URL";
  }
  if (url.username || url.password) return "must not contain a user name or password";
  if (url.protocol === "http:") {
    if (!isLoopbackHost(url.hostname)) return "must use https";
    if (!policy.allowHttpLoopback) return "must use https";
    return null;
  }
  if (url.protocol !== "https:") return "must use https";
  if (!policy.allowPrivateAddresses) {
    const bare = url.hostname.replace(/^\[|\]$/g, "");
    if (isLoopbackHost(url.hostname) || (isIP(bare) && isPrivateAddress(bare))) return "must not point to a private, loopback or link-local address";
  }
  return null;
}

/**
 * A `lookup` for node:http(s) that refuses private addresses under a strict policy: the check runs on the
 * very address the connection is made to.
 */
export function guardedLookup(policy: UrlPolicy): typeof lookup {
  return ((hostname: string, options: any, callback: any) => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error);
      const list = addresses as unknown as { address: string; family: number }[];
      const refused = !policy.allowPrivateAddresses && list.some(({ address }) => isPrivateAddress(address));
      if (refused) return callback(Object.assign(new Error(`${hostname} resolves to a private address`), { code: "EPRIVATEADDRESS" }));
      if (options?.all) return callback(null, list);
      callback(null, list[0].address, list[0].family);
    });
  }) as typeof lookup;
}

/**
 * Why the URL's host cannot be reached under the policy once resolved (a private address, or no address
 * at all), or null. Run when an endpoint is saved; deliveries check again through guardedLookup.
 */
export async function webhookHostProblem(
  value: string,
  policy: UrlPolicy,
  resolve: (hostname: string) => Promise<{ address: string }[]> = (hostname) => dns.lookup(hostname, { all: true }),
): Promise<string | null> {
  if (policy.allowPrivateAddresses) return null;
  const hostname = new URL(value).hostname.replace(/^\[|\]$/g, "");
  if (isIP(hostname)) return null; // literal addresses were checked by webhookUrlProblem
  try {
    const addresses = await resolve(hostname);
    return addresses.some(({ address }) => isPrivateAddress(address)) ? "must not point to a private, loopback or link-local address" : null;
  } catch {
    return "must name a host that resolves";
  }
}
