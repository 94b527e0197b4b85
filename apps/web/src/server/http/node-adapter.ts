import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerRoute } from './route-pipeline';
import type { AnyRouteSpec } from './route-spec';

/** How many bytes decoding may drop: a leading UTF-8 byte order mark. */
const BOM_BYTES = 3;

/**
 * Answers a request with a route's pipeline straight over node:http: no web Request or Response,
 * no Next routing. The answer is the one the route's Next handler gives, byte for byte in body,
 * status and content type.
 */
export async function answerNodeRequest(
  spec: AnyRouteSpec,
  request: IncomingMessage,
  response: ServerResponse,
  params: Record<string, string | string[]> = {},
): Promise<void> {
  const url = request.url ?? '/';
  const answer = await answerRoute(spec, {
    header: (name) => joinHeader(request.headers[name]),
    // Parsed as `new URL(request.url).searchParams` parses it behind Next.
    query: url.includes('?') ? new URL(url, 'http://localhost').searchParams : new URLSearchParams(),
    params,
    text: (maxBytes) => readText(request, maxBytes),
  });
  response.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) }).end(answer.body);
}

const joinHeader = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(', ') : value);

const decoder = new TextDecoder(); // UTF-8, drops a leading BOM, replaces bad sequences: as Request.text()

/** Reads the body, giving up once it is surely longer than `maxBytes` (the pipeline then answers 413). */
function readText(request: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      length += chunk.length;
      if (length > maxBytes + BOM_BYTES) {
        // node:http discards the rest of the body once the answer is sent
        request.off('data', onData).off('end', onEnd).off('error', reject);
        onEnd();
      }
    };
    const onEnd = () => resolve(decoder.decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, length)));
    request.on('data', onData).once('end', onEnd).once('error', reject);
  });
}
