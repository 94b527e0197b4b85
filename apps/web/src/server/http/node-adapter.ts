import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerRoute, type RouteAnswer } from './route-pipeline';
import type { AnyRouteSpec } from './route-spec';

/** How many bytes decoding may drop: a leading UTF-8 byte order mark. */
const BOM_BYTES = 3;

/**
 * Answers a request with a route's pipeline straight over node:http: no web Request or Response,
 * no Next routing. The answer is the one the route's Next handler gives, byte for byte in body,
 * status and content type. A HEAD request is answered as its GET, without the body.
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
  writeAnswer(request, response, answer);
}

/** Bytes of a refused body still read after the answer, so the client sees the answer rather than a reset. */
const LINGER_BYTES = 16 * 1024 * 1024;
const LINGER_MS = 1000;

/** Requests whose body `readText` stopped reading at the limit. */
const abandonedBodies = new WeakSet<IncomingMessage>();

/**
 * Writes an answer. When the body was abandoned at the limit the connection is ended: reading on
 * would let a client stream gigabytes at the server, while leaving it unread would hold the
 * half-read connection until a timeout. (A body never read at all, refused by its declared
 * Content-Length, is discarded by node:http up to that length.)
 */
export function writeAnswer(request: IncomingMessage, response: ServerResponse, answer: RouteAnswer): void {
  // A 304's Content-Length would describe the body it stands for; it has none of its own.
  const headers = answer.status === 304 ? answer.headers : { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) };
  response.writeHead(answer.status, headers).end(request.method === 'HEAD' ? undefined : answer.body);
  if (abandonedBodies.has(request)) response.once('finish', () => discardThenClose(request));
}

/**
 * A socket closed while unread bytes are arriving sends a reset, which can destroy the answer
 * before the client reads it. (`Connection: close` would do just that: node:http destroys the
 * socket as soon as the answer is written.) So the server reads and drops a little more of the
 * body while the client takes the answer, and closes the connection past a few megabytes or a
 * second, or when the client does.
 */
function discardThenClose(request: IncomingMessage): void {
  const { socket } = request;
  let discarded = 0;
  const close = () => socket.destroy();
  const timer = setTimeout(close, LINGER_MS).unref();
  socket.once('close', () => clearTimeout(timer));
  request.removeAllListeners('data');
  request.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > LINGER_BYTES) close();
  });
  request.resume();
}

const joinHeader = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(', ') : value);

const decoder = new TextDecoder(); // UTF-8, drops a leading BOM, replaces bad sequences: as Request.text()

/**
 * Reads the body with a running count, giving up once it is surely longer than `maxBytes` (the
 * pipeline then answers 413): at most `maxBytes` and one chunk are ever held, whatever is sent.
 */
function readText(request: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      length += chunk.length;
      if (length > maxBytes + BOM_BYTES) {
        request.off('data', onData).off('end', onEnd).off('error', reject).pause();
        abandonedBodies.add(request);
        onEnd();
      }
    };
    const onEnd = () => resolve(decoder.decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, length)));
    request.on('data', onData).once('end', onEnd).once('error', reject);
  });
}
