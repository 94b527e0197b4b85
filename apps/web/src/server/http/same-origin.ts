import { forbidden } from './problem';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a state-changing request that a browser sent from another site, for callers that a
 * cookie authenticates (API keys are never sent by a browser on its own). The browser's
 * `Sec-Fetch-Site` is trusted first, since no page can set it; else `Origin` must be PUBLIC_URL's.
 * A request with neither is not from a browser that would attach cookies cross-site by itself
 * (every current browser sends one of them on a cross-site POST), so it passes.
 */
export function checkSameOrigin(method: string, header: (name: string) => string | undefined, publicUrl: string): void {
  if (SAFE_METHODS.has(method.toUpperCase())) return;
  const site = header('sec-fetch-site');
  if (site !== undefined) {
    if (site === 'same-origin') return;
    throw forbidden(`A ${site} request may not change anything with the session cookie; send it from ${new URL(publicUrl).origin}`);
  }
  const origin = header('origin');
  if (origin !== undefined && origin !== new URL(publicUrl).origin) {
    throw forbidden(`A request from ${origin} may not change anything with the session cookie; send it from ${new URL(publicUrl).origin}`);
  }
}
