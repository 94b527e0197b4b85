import { defineHandler } from '../define-action';
import { displayUrl, IDEMPOTENCY_HEADER, sendOutboundRequest, USER_AGENT } from '../net/outbound-request';
import { parseResponseBody } from '../net/parse-body';
import { statusFailure } from '../net/status-failure';
import { sendRequestManifest } from './send-request.manifest';

/** Sets a header, replacing one of the same name in any case. */
function setHeader(headers: Record<string, string>, name: string, value: string, options: { keep?: boolean } = {}) {
  const existing = Object.keys(headers).find((key) => key.toLowerCase() === name.toLowerCase());
  if (existing && options.keep) return;
  if (existing) delete headers[existing];
  headers[name] = value;
}

export const sendRequestHandler = defineHandler(sendRequestManifest, async (input, context) => {
  const url = new URL(input.url);
  for (const [name, value] of Object.entries(input.query ?? {})) {
    for (const item of [value].flat()) url.searchParams.append(name, String(item));
  }
  const headers = { ...input.headers };
  let body: string | undefined;
  if (typeof input.body === 'string') {
    body = input.body;
    setHeader(headers, 'content-type', 'text/plain; charset=utf-8', { keep: true });
  } else if (input.body !== undefined) {
    body = JSON.stringify(input.body);
    setHeader(headers, 'content-type', 'application/json', { keep: true });
  }
  setHeader(headers, 'accept', input.responseType === 'text' ? 'text/*, */*;q=0.5' : 'application/json, */*;q=0.5', { keep: true });
  setHeader(headers, 'user-agent', USER_AGENT, { keep: true });
  // Stable across the step's attempts, so a target that dedupes acts once however often the step is retried.
  setHeader(headers, IDEMPOTENCY_HEADER, context.idempotencyKey, { keep: true });
  // Secrets go in last, so a plain header of the same name cannot replace them.
  // Revealed for `url`, the object sent below: the allow-list is checked against the host it parsed to.
  if (input.auth) setHeader(headers, 'authorization', `Bearer ${await context.secrets.reveal(input.auth.secret, url)}`);
  for (const [name, secret] of Object.entries(input.secretHeaders ?? {})) setHeader(headers, name, await context.secrets.reveal(secret, url));

  const request = { method: input.method, url, headers, body };
  const response = await sendOutboundRequest(request, {
    allowedPrivateHosts: context.services.allowedPrivateHosts,
    signal: context.signal,
    timeoutMs: input.timeoutMs,
    maxRedirects: input.followRedirects ? 5 : 0,
    sensitiveHeaders: Object.keys(input.secretHeaders ?? {}),
  });
  context.log(`${input.method} ${displayUrl(url)} answered ${response.status}`, { status: response.status });
  if (input.failOnStatus && (response.status < 200 || response.status > 299)) throw statusFailure(request, response);
  return { status: response.status, headers: response.headers, body: parseResponseBody(response, input.responseType), url: response.url };
});
