import { lookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { ActionFailure } from '../define-action';
import { AddressRefusedError, hostOf, isAllowedPrivateHost, refusalReason } from './address-policy';
import { createPinnedDispatcher } from './pinned-agent';
import { readBody } from './read-body';

export type Resolver = (host: string) => Promise<LookupAddress[]>;

export interface OutboundRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
}

export interface OutboundOptions {
  allowedPrivateHosts: readonly string[];
  signal: AbortSignal;
  /** For the whole exchange: every redirect, and reading the body. */
  timeoutMs: number;
  /** 0 answers a 3xx as it is. */
  maxRedirects: number;
  /** Header names (any case) carrying credentials: never sent on to another origin by a redirect. */
  sensitiveHeaders?: readonly string[];
  maxResponseBytes?: number;
  /** Host name → addresses; the system resolver unless a test stands in for DNS. */
  resolve?: Resolver;
}

export interface OutboundResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The URL that answered, after redirects. */
  url: string;
}

export const USER_AGENT = 'Cascade-Workflows/1';

/** Carries the step's idempotency key on every request with side effects (the IETF draft's header name). */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_RESPONSE_BYTES = 1024 * 1024;

const systemResolver: Resolver = (host) =>
  new Promise((resolve, reject) =>
    lookup(host, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );

/**
 * The one way actions reach the network: each hop's host is resolved, every address it resolves
 * to is checked against the address policy, and the connection is pinned to those addresses.
 */
export async function sendOutboundRequest(request: OutboundRequest, options: OutboundOptions): Promise<OutboundResponse> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = AbortSignal.any([options.signal, timeout]);
  let current = request;
  try {
    for (let redirects = 0; ; redirects += 1) {
      const dispatcher = await createPinnedDispatcher(await untilAborted(resolveChecked(current.url, options), signal));
      try {
        const response = await fetch(current.url, {
          method: current.method,
          headers: current.headers,
          body: current.body,
          redirect: 'manual',
          signal,
          dispatcher,
        });
        const location = response.headers.get('location');
        if (REDIRECTS.has(response.status) && location && options.maxRedirects > 0) {
          await response.body?.cancel();
          if (redirects >= options.maxRedirects) {
            throw new ActionFailure(`${request.url.origin} redirected more than ${options.maxRedirects} times (last to ${location})`, { retryable: false });
          }
          if (!URL.canParse(location, current.url.href)) {
            throw new ActionFailure(`${displayUrl(current.url)} redirected to ${JSON.stringify(location)}, which is not a URL`, { retryable: false });
          }
          current = redirectedRequest(current, response.status, new URL(location, current.url), options.sensitiveHeaders ?? []);
          continue;
        }
        const body = await readBody(response, options.maxResponseBytes ?? MAX_RESPONSE_BYTES, current.url);
        return { status: response.status, headers: headersRecord(response.headers), body, url: current.url.toString() };
      } finally {
        dispatcher.destroy().catch(() => undefined);
      }
    }
  } catch (error) {
    if (timeout.aborted) {
      throw new ActionFailure(`${current.method} ${displayUrl(current.url)} timed out after ${options.timeoutMs} ms`, { retryable: true, cause: error });
    }
    if (options.signal.aborted) throw options.signal.reason ?? error;
    throw networkError(error, current);
  }
}

/** `promise`, or the abort reason as soon as `signal` fires (DNS lookups cannot be cancelled themselves). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The addresses `url` reaches, after refusing any the policy forbids (one bad answer refuses all). */
async function resolveChecked(url: URL, options: OutboundOptions): Promise<LookupAddress[]> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ActionFailure(`Only http and https URLs can be requested, not ${url.protocol} (${displayUrl(url)})`, { retryable: false });
  }
  const host = hostOf(url);
  const family = isIP(host);
  const addresses = family ? [{ address: host, family }] : await resolveHost(host, options.resolve ?? systemResolver);
  const privateAllowed = isAllowedPrivateHost(url, options.allowedPrivateHosts);
  for (const { address } of addresses) {
    const reason = refusalReason(address, { privateAllowed });
    if (reason) throw new AddressRefusedError(url, address, reason);
  }
  return addresses;
}

async function resolveHost(host: string, resolve: Resolver): Promise<LookupAddress[]> {
  try {
    const addresses = await resolve(host);
    if (addresses.length === 0) throw Object.assign(new Error('no addresses'), { code: 'ENOTFOUND' });
    return addresses;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ActionFailure(`Could not resolve ${host}: ${code ?? (error as Error).message}`, { retryable: code !== 'ENOTFOUND', cause: error });
  }
}

/** The next hop as browsers make it: 303 (and 301/302 after a POST) become a GET without body. */
function redirectedRequest(previous: OutboundRequest, status: number, url: URL, sensitive: readonly string[]): OutboundRequest {
  const toGet = status === 303 ? previous.method !== 'HEAD' : (status === 301 || status === 302) && previous.method === 'POST';
  const crossOrigin = url.origin !== previous.url.origin;
  const drop = new Set([...(crossOrigin ? [...sensitive, 'authorization', 'cookie'] : []), ...(toGet ? ['content-type', 'content-length'] : [])].map((name) => name.toLowerCase()));
  const headers = Object.fromEntries(Object.entries(previous.headers).filter(([name]) => !drop.has(name.toLowerCase())));
  return toGet ? { method: 'GET', url, headers } : { ...previous, url, headers };
}

function headersRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [name, value] of headers) record[name] = Object.hasOwn(record, name) ? `${record[name]}, ${value}` : value;
  return record;
}

/** The URL without its query string or credentials, which may carry secrets. */
export function displayUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

function networkError(error: unknown, request: OutboundRequest): Error {
  if (error instanceof ActionFailure) return error;
  const cause = (error as { cause?: NodeJS.ErrnoException }).cause;
  const detail = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return new Error(`${request.method} ${displayUrl(request.url)} failed: ${detail}`, { cause: error });
}
