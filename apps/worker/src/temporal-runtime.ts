import type { Logger } from '@cascade/logger';
import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';

const PINO_LEVELS: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/**
 * Whether a line of the native core says only that a call is retried because Temporal cannot be
 * reached: it writes one for every retry of every poll, while the worker's watch of Temporal
 * (temporal-reachability.ts) says it once when Temporal goes away and once when it is back.
 */
export function isUnreachableRetryLine(message: string, meta: Record<string, unknown> | undefined): boolean {
  const unavailable = typeof meta?.error === 'string' && meta.error.includes('code: Unavailable');
  return unavailable && (meta?.target === 'temporalio_client::retry' || message.startsWith('Network error while sending worker heartbeat'));
}

/**
 * Routes the Temporal SDK's own log lines into our logger, from `level` up, and sends the native
 * core's lines there too (instead of stderr) at the same level. Call once per process.
 */
export function installTemporalRuntime(logger: Logger, level: LogLevel = 'WARN'): void {
  Runtime.install({
    logger: new DefaultLogger(level, ({ level: entryLevel, message, meta }) => {
      if (isUnreachableRetryLine(message, meta)) return;
      logger[PINO_LEVELS[entryLevel]]({ ...meta, component: 'temporal' }, message);
    }),
    telemetryOptions: { logging: { filter: { core: level, other: 'ERROR' }, forward: {} } },
  });
}
