import ipaddr from 'ipaddr.js';
import { ActionFailure } from '../define-action';

/**
 * Instance metadata services hand out cloud credentials to whoever asks from inside the host.
 * They are refused even for allowlisted hosts: the allowlist opens private networks, not these.
 */
const METADATA_ADDRESSES = new Set([
  '169.254.169.254', // AWS, GCP, Azure, DigitalOcean, OpenStack
  '169.254.170.2', // AWS ECS task metadata
  '169.254.170.23', // AWS EKS pod identity
  'fd00:ec2::254', // AWS IMDS over IPv6
  'fd00:ec2::23', // AWS EKS pod identity over IPv6
  '100.100.100.200', // Alibaba Cloud
  '192.0.0.192', // Oracle Cloud
]);

const METADATA_REASON = 'a cloud metadata endpoint, which is never allowed';

const RANGE_REASONS: Record<string, string> = {
  unspecified: 'the unspecified address (it reaches this machine)',
  broadcast: 'a broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address',
  loopback: 'a loopback address (this machine)',
  carrierGradeNat: 'a carrier-grade NAT (shared private) address',
  private: 'a private network address',
  uniqueLocal: 'a unique local (private) IPv6 address',
  reserved: 'a reserved address',
  ipv4Mapped: 'an IPv4-mapped address',
  rfc6052: 'a NAT64 address that may embed a private IPv4 address',
  rfc6145: 'an IPv4-translated address',
  '6to4': 'a 6to4 address that may embed a private IPv4 address',
  teredo: 'a Teredo address that may embed a private IPv4 address',
};

/** Why connecting to `address` is refused, or null when it is a public unicast address. */
export function refusalReason(address: string, options: { privateAllowed: boolean }): string | null {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  // IPv4-mapped IPv6 (::ffff:10.0.0.1) reaches the IPv4 address it carries: judge that one.
  const parsed = ipaddr.process(address);
  if (METADATA_ADDRESSES.has(parsed.toString())) return METADATA_REASON;
  const range = parsed.range();
  if (range === 'unicast' || options.privateAllowed) return null;
  return RANGE_REASONS[range] ?? `a special-purpose address (${range})`;
}

/** The URL host without IPv6 brackets, lower-cased: what allowlist entries and DNS see. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
}

/** Whether the URL's host (`name` or `name:port`) is on the worker's allowlist of private hosts. */
export function isAllowedPrivateHost(url: URL, allowedPrivateHosts: readonly string[]): boolean {
  const host = hostOf(url);
  const hostWithPort = `${host}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
  return allowedPrivateHosts.some((entry) => {
    const allowed = entry.trim().toLowerCase().replace(/^\[(.*)\](:\d+)?$/, '$1$2');
    return allowed === host || allowed === hostWithPort;
  });
}

/** The request went nowhere: the address it would reach is refused. Retrying cannot help. */
export class AddressRefusedError extends ActionFailure {
  constructor(url: URL, address: string, reason: string) {
    const host = hostOf(url);
    const via = host === address ? '' : ` (${host} resolves to it)`;
    const hint = reason === METADATA_REASON ? '' : `; add ${host} to the worker's allowed private hosts if it should be reachable`;
    super(`Refused to connect to ${address}${via} for ${url.origin}: it is ${reason}${hint}`, { retryable: false });
  }
}
