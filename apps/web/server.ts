/**
 * The web app's server: `tsx apps/web/server.ts`, after `next build`. It is Next's custom server
 * on one port (PORT) that answers the API routes itself over node:http (bounded bodies, 405 with
 * Allow) and hands pages to Next (src/server/web-server.ts, src/server/http/fast-path.ts).
 */
import { register } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ConfigurationError } from '@cascade/env';

// It serves the production build, as `next start` does, which also defaults NODE_ENV so.
(process.env as Record<string, string | undefined>).NODE_ENV ??= 'production';
// Before any server module is loaded: they import 'server-only' (see server-only-condition.ts).
register('./server-only-condition.ts', import.meta.url);
const { startWebServer } = await import('./src/server/web-server');

startWebServer({ dir: fileURLToPath(new URL('.', import.meta.url)) }).catch((error: unknown) => {
  if (error instanceof ConfigurationError) {
    console.error(`cascade web: ${error.message}`);
    process.exit(78); // EX_CONFIG
  }
  console.error('cascade web: the server failed to start', error);
  process.exit(1);
});
