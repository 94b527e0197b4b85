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
 * Routes the Temporal SDK's own log lines into our logger, from `level` up, and sends the native
 * core's lines there too (instead of stderr) at the same level. Call once per process.
 */
export function installTemporalRuntime(logger: Logger, level: LogLevel = 'WARN'): void {
  Runtime.install({
    logger: new DefaultLogger(level, ({ level: entryLevel, message, meta }) => {
      logger[PINO_LEVELS[entryLevel]]({ ...meta, component: 'temporal' }, message);
    }),
    telemetryOptions: { logging: { filter: { core: level, other: 'ERROR' }, forward: {} } },
  });
}
