import { ActionFailure } from '../define-action';
import { displayUrl, type OutboundResponse } from './outbound-request';
import { quote } from './status-failure';

/** A response body as the caller asked: JSON, text, or JSON when the response says it is (null when empty). */
export function parseResponseBody(response: OutboundResponse, responseType: 'json' | 'text' | 'auto'): unknown {
  if (response.body === '') return null;
  if (responseType === 'text') return response.body;
  const saysJson = /[/+]json\b/i.test(response.headers['content-type'] ?? '');
  if (responseType === 'auto' && !saysJson) return response.body;
  try {
    return JSON.parse(response.body) as unknown;
  } catch {
    if (responseType === 'auto') return response.body;
    throw new ActionFailure(`The response of ${displayUrl(new URL(response.url))} is not JSON${quote(response.body)}`, { retryable: false });
  }
}
