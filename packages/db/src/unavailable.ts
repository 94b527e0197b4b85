/** Driver adapter error kinds that mean the server was not reached or went away. */
const UNREACHABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
/** Prisma's codes for the same: can't reach, timed out reaching, server closed the connection, pool timed out. */
const UNREACHABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1017', 'P2024']);
/** Socket errors, and PostgreSQL's connection-exception (08) and shutdown (57P0x) classes. */
const UNREACHABLE_CODES = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EHOSTUNREACH|08\d{3}|57P0[1-3])$/;

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown } } };
}

/**
 * Whether an error says PostgreSQL could not be reached (down, restarting, refusing connections)
 * rather than that the query was wrong: the request may be tried again once it is back. Looks
 * through Prisma's errors, the driver adapter's, and pg's, along the `cause` chain.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error as ErrorLike | undefined, depth = 0; current && typeof current === 'object' && depth < 5; current = current.cause as ErrorLike, depth++) {
    const code = typeof current.code === 'string' ? current.code : undefined;
    if (code && (UNREACHABLE_PRISMA_CODES.has(code) || UNREACHABLE_CODES.test(code))) return true;
    const kind = current.meta?.driverAdapterError?.cause?.kind;
    if (typeof kind === 'string' && UNREACHABLE_KINDS.has(kind)) return true;
    if (typeof current.message === 'string' && /Connection terminated unexpectedly|Can't reach database server/.test(current.message)) return true;
  }
  return false;
}
