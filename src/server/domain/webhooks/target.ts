import { lookup, type LookupAddress, type LookupAllOptions, type LookupOptions } from 'node:dns';
import ipaddr from 'ipaddr.js';

/**
 * Whether an address is on the public internet. Loopback, private, link-local (cloud metadata
 * lives there), unique-local, carrier-grade NAT, multicast, reserved and the IPv6 tunnels that
 * embed an IPv4 address are not.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let ip = ipaddr.parse(address);
  if (ip instanceof ipaddr.IPv6 && ip.isIPv4MappedAddress()) ip = ip.toIPv4Address();
  return ip.range() === 'unicast';
}

export class RefusedTargetError extends Error {
  constructor(host: string) {
    super(
      `${host} is a private, loopback or link-local address; webhooks go to public addresses only`,
    );
    this.name = 'RefusedTargetError';
  }
}

/** The URL's host when it is an IP literal that is not public (checked before any request). */
export function privateLiteralHost(url: URL): string | undefined {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return ipaddr.isValid(host) && !isPublicAddress(host) ? host : undefined;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A DNS lookup for http.request that refuses names resolving to non-public addresses. The
 * check runs on the very addresses the connection uses, so a name cannot pass it and then
 * re-resolve to an internal address (DNS rebinding).
 */
export function publicOnlyLookup(
  hostname: string,
  options: LookupOptions,
  callback: LookupCallback,
): void {
  lookup(hostname, { ...options, all: true } as LookupAllOptions, (error, addresses) => {
    if (error) return callback(error, []);
    if (addresses.length === 0 || addresses.some((entry) => !isPublicAddress(entry.address))) {
      return callback(new RefusedTargetError(hostname), []);
    }
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
}
