import { envFields, parseEnv } from '@cascade/env';
import { hostname } from 'node:os';
import { z } from 'zod';

const workerEnvSchema = z.object({
  DATABASE_URL: envFields.databaseUrl,
  TEMPORAL_ADDRESS: envFields.temporalAddress,
  TEMPORAL_NAMESPACE: envFields.temporalNamespace,
  WORKER_METRICS_PORT: envFields.port(9464),
  WORKER_ID: z.string().min(1).default(`${hostname()}:${process.pid}`),
  LOG_LEVEL: envFields.logLevel,
});

export type WorkerEnv = z.infer<typeof workerEnvSchema>;

export function loadWorkerEnv(source: NodeJS.ProcessEnv = process.env): WorkerEnv {
  return parseEnv(workerEnvSchema, source);
}
