import type { ResolveHook } from 'node:module';

/**
 * Resolves the `server-only` marker package as React Server Components code resolves it: with the
 * `react-server` export condition, under which it is an empty module (otherwise it throws). Next's
 * bundler does this for the app's server code; server.ts registers this hook so the fast path can
 * load the same server modules outside the bundle. Starting node with `--conditions=react-server`
 * would do it too, but for every package the process resolves at run time (React, the database
 * driver, anything Next loads from node_modules), telling all of them this process is a Server
 * Components environment, which it is not; the hook limits the condition to the one package
 * that exists to check it.
 */
export const resolve: ResolveHook = (specifier, context, nextResolve) =>
  nextResolve(specifier, specifier === 'server-only' ? { ...context, conditions: [...context.conditions, 'react-server'] } : context);
