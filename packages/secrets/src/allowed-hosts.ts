import { isIP } from 'node:net';
import { z } from 'zod';

/** More hosts than this is a sign the list should be a wildcard, and keeps each check cheap. */
export const MAX_ALLOWED_HOSTS = 50;

/**
 * One entry of a secret's allow-list: a host name or IP address (`api.crm.example`, `10.0.0.7`,
 * `[::1]`), or `*.` and a domain for any host below it (not the domain itself). Stored as the URL
 * parser spells it (lower case, punycode, IPv4 canonical), since that is what it is compared with.
 */
export const allowedHostSchema = z.string().transform((entry, context) => {
  const wildcard = entry.startsWith('*.');
  const host = normalHost(wildcard ? entry.slice(2) : entry);
  if (host === undefined) {
    context.addIssue({ code: 'custom', message: `${JSON.stringify(entry)} is not a host: expected e.g. api.example.com, *.example.com or 10.0.0.7, without scheme, port or path` });
    return z.NEVER;
  }
  if (wildcard && (isIP(host) || host.startsWith('['))) {
    context.addIssue({ code: 'custom', message: `${JSON.stringify(entry)}: a wildcard goes before a domain name, not an IP address` });
    return z.NEVER;
  }
  return wildcard ? `*.${host}` : host;
});

export const allowedHostsSchema = z
  .array(allowedHostSchema)
  .max(MAX_ALLOWED_HOSTS, `At most ${MAX_ALLOWED_HOSTS} hosts; use *.example.com for many hosts of one domain`)
  .transform((hosts) => [...new Set(hosts)]);

/** The host as `new URL` spells it, or undefined when `text` is anything more or less than a host. */
function normalHost(text: string): string | undefined {
  if (text.length === 0 || text.length > 253 || /[/?#@\\\s%]/.test(text)) return undefined;
  let url: URL;
  try {
    url = new URL(`http://${text}/`);
  } catch {
    return undefined;
  }
  // A port (or an empty one, `host:`) leaves `host` longer than `hostname`.
  if (url.host !== url.hostname || text.endsWith(':') || url.hostname.endsWith('.')) return undefined;
  // Labels of letters, digits, - and _ (after punycode), or an IPv6 address in brackets; not `*` or `a..b`.
  if (!/^(?:[a-z0-9_-]+\.)*[a-z0-9_-]+$/.test(url.hostname) && !url.hostname.startsWith('[')) return undefined;
  return url.hostname;
}

/** Whether a request to `url` may carry a secret with this allow-list; an empty list allows nothing. */
export function isHostAllowed(allowedHosts: readonly string[], url: URL): boolean {
  const host = url.hostname;
  return allowedHosts.some((entry) => (entry.startsWith('*.') ? host.endsWith(entry.slice(1)) : host === entry));
}
