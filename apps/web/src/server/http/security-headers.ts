/**
 * Headers on every answer of the web server, pages and API alike (set by fast-path.ts before Next
 * or a fast route writes its own). Next's App Router inlines its bootstrap scripts and React sets
 * style attributes (the designer's canvas), so without per-request nonces, which would make every
 * page dynamic, scripts and styles need 'unsafe-inline'; everything else is held to this origin,
 * and no other site may frame Cascade.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
};
