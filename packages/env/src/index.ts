import { z } from 'zod';

/** A setting that failed, named as the operator wrote it, with what was wrong. */
export class ConfigurationError extends Error {
  constructor(setting: string, problem: string) {
    super(`${setting}: ${problem}`);
    this.name = 'ConfigurationError';
  }
}

/**
 * Parses an app's environment once, at boot. Every bad variable is reported on its own line,
 * named, with what was expected; nothing else reads `process.env` afterwards.
 */
export function parseEnv<Schema extends z.ZodObject>(schema: Schema, source: NodeJS.ProcessEnv = process.env): z.infer<Schema> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const [first, ...rest] = result.error.issues;
  const others = rest.map((issue) => `; ${issue.path.join('.')}: ${issue.message}`).join('');
  throw new ConfigurationError(first!.path.join('.'), `${first!.message}${others}`);
}

const hostPort = z.string().regex(/^[^:/\s]+:\d+$/, 'must be host:port, e.g. 127.0.0.1:7233');

/** Field builders shared by the apps' schemas, so each setting means the same everywhere. */
export const envFields = {
  databaseUrl: z
    .string({ error: 'is required: the PostgreSQL connection URL (postgresql://user:pass@host:port/db)' })
    .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL'),
  /** `host:port`; the start command treats it as optional (no value: start a dev server). */
  hostPort,
  temporalAddress: hostPort.default('127.0.0.1:7233'),
  temporalNamespace: z.string().min(1).default('default'),
  port: (fallback: number) => z.coerce.number().int().min(1).max(65_535).default(fallback),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** How long before a waitForEvent an event may arrive and still be delivered to it (the worker's, shown by the web's run page). */
  eventBufferSeconds: z.coerce.number().int().min(0).max(86_400).default(300),
  /** The task queue drafts' test runs execute on, apart from production runs (the web starts them, the worker serves it). */
  testTaskQueue: z.string().min(1).max(200).default('cascade-test'),
};
