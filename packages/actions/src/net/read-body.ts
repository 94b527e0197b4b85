import { ActionFailure } from '../define-action';

/**
 * The response body as text, refusing more than `maxBytes`: the body ends up in the run record,
 * so an endless or huge answer must fail the step, not the worker.
 */
export async function readBody(response: Response, maxBytes: number, url: URL): Promise<string> {
  const tooLarge = () =>
    new ActionFailure(`The response of ${url.origin}${url.pathname} is larger than ${maxBytes} bytes`, { retryable: false });
  if (Number(response.headers.get('content-length')) > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) return '';
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooLarge();
    text += decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}
