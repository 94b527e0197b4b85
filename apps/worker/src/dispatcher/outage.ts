import { isGrpcServiceError, ServiceError } from '@temporalio/client';

/** gRPC status codes that say the server was not reached or did not answer, whatever the request. */
const UNREACHABLE = new Set([
  14, // UNAVAILABLE: connection refused or dropped
  4, // DEADLINE_EXCEEDED: no answer in time
]);

/**
 * Whether a dispatch failed because Temporal could not be reached, rather than because of the
 * event: such a failure says nothing about the event, so it must not count against its attempts.
 */
export function isTemporalOutage(error: unknown): boolean {
  const cause = error instanceof ServiceError ? error.cause : error;
  return isGrpcServiceError(cause) && UNREACHABLE.has(cause.code);
}

/**
 * The dispatcher's circuit breaker. Closed, it claims full batches. Once a dispatch fails because
 * Temporal is unreachable it opens: the dispatcher waits (1 s, doubling to `maxPauseMs`) and then
 * probes with a single event, and the first dispatch that gets through closes it again.
 */
export function createOutageBreaker({ initialPauseMs = 1_000, maxPauseMs = 30_000 } = {}) {
  let openedAt: number | undefined;
  let pauseMs = initialPauseMs;
  return {
    get open() {
      return openedAt !== undefined;
    },
    /** A dispatch could not reach Temporal: answers how long to wait before probing, and whether it just opened. */
    failed(now = Date.now()): { pauseMs: number; opened: boolean } {
      const opened = openedAt === undefined;
      if (opened) {
        openedAt = now;
        pauseMs = initialPauseMs;
      } else {
        pauseMs = Math.min(pauseMs * 2, maxPauseMs);
      }
      return { pauseMs, opened };
    },
    /** A dispatch got through: answers how long the outage lasted, if there was one. */
    succeeded(now = Date.now()): number | undefined {
      if (openedAt === undefined) return undefined;
      const lasted = now - openedAt;
      openedAt = undefined;
      return lasted;
    },
  };
}
