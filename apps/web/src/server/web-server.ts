import 'server-only';
import { createServer, type Server } from 'node:http';
import { ConfigurationError } from '@cascade/env';
import { startTracing } from '@cascade/telemetry/setup';
import next from 'next';
import { webEnv } from '../env.server';
import { createRequestListener } from './http/fast-path';
import { closeServices, logger } from './services';
import { registerBuiltInTemplates } from './templates/built-in';

/** How long in-flight requests may take to finish once a stop is asked for. */
const SHUTDOWN_GRACE_MS = 8_000;

/**
 * How long an idle keep-alive connection stays open. Node's default, 5 s, equals the idle timeout
 * of Node's own HTTP agent, so a client reusing a connection just as the server closed it got
 * ECONNRESET on a plain GET (seen in the browser tests under load). Longer than the clients' and
 * proxies' (60 s behind the usual load balancers), it is always the client that closes first.
 */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/**
 * Next's documented custom server on PORT: the API routes are answered here over node:http, and
 * Next handles everything else exactly as `next start` would (the same request handlers). On
 * SIGINT or SIGTERM it stops accepting connections, lets in-flight requests finish, then closes
 * Next, the database pool and Temporal, and exits.
 */
export async function startWebServer(options: { dir: string }): Promise<void> {
  const env = webEnv();
  const tracing = startTracing('cascade-web', env);
  // Before the first request, so every tenant finds them; a no-op when they have not changed. The
  // app serves without them (a database that is down is /api/ready's to report), so no failure here stops it.
  await registerBuiltInTemplates(logger()).catch((error: unknown) =>
    logger().error({ err: error }, 'built-in templates were not registered; they are registered at the next start'),
  );
  const app = next({ dev: false, dir: options.dir, hostname: 'localhost', port: env.PORT });
  await app.prepare();
  const answer = createRequestListener(app.getRequestHandler());
  let stopping = false;
  const server = createServer((request, response) => {
    // Keep-alive connections would otherwise outlive the stop; this answer is their last.
    if (stopping) response.setHeader('connection', 'close');
    answer(request, response);
  });
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  // Node requires the wait for a request's headers to outlast the keep-alive wait.
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  await listen(server, env.PORT).catch((error: NodeJS.ErrnoException) => {
    throw new ConfigurationError('PORT', `cannot listen on ${env.PORT}: ${error.code ?? error.message}`);
  });
  logger().info({ port: env.PORT }, 'web server listening');

  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger().info({ signal }, 'web server stopping');
    await drain(server);
    await app.close();
    await closeServices();
    await tracing?.shutdown();
    process.exit(0);
  };
  // `on`, not `once`: a stop signals tsx's whole process group, so this process may get the signal twice.
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject).listen(port, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Closes the server once its in-flight requests are answered (all connections after the grace period). */
function drain(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // node:http closes only the connections idle right now; the busy ones become idle as their answers finish.
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    const deadline = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    server.once('close', () => {
      clearInterval(sweep);
      clearTimeout(deadline);
    });
  });
}
