import { envFields, parseEnv } from '@cascade/env';
import { ingestionEnvFields } from '@cascade/ingestion';
import { secretsEnvFields } from '@cascade/secrets';
import { hostname } from 'node:os';
import { z } from 'zod';
import { natsSourceSchema } from './nats/sources';

const workerEnvSchema = z.object({
  DATABASE_URL: envFields.databaseUrl,
  TEMPORAL_ADDRESS: envFields.temporalAddress,
  TEMPORAL_NAMESPACE: envFields.temporalNamespace,
  WORKER_METRICS_PORT: envFields.port(9464),
  WORKER_ID: z.string().min(1).default(`${hostname()}:${process.pid}`),
  LOG_LEVEL: envFields.logLevel,
  ...ingestionEnvFields,
  ...secretsEnvFields,
  /** SMTP server email.send delivers through (the capture server in development); mail fails without it. */
  SMTP_URL: z.string().url().optional(),
  /** Sender of email.send messages that name none. */
  MAIL_FROM: z.string().min(3).default('Cascade <cascade@localhost>'),
  CASCADE_EVENT_BUFFER_SECONDS: envFields.eventBufferSeconds,
  CASCADE_TEST_TASK_QUEUE: envFields.testTaskQueue,
  /** Dispatch attempts before an event is dead-lettered. */
  DISPATCH_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  /**
   * Most runs started and not yet taken up by a worker before the dispatcher holds back new ones
   * (dispatcher/run-pacing.ts); 0 starts every claimed event's runs at once.
   */
  DISPATCH_MAX_STARTING_RUNS: z.coerce.number().int().min(0).max(100_000).default(64),
  /** Wait before a failed webhook delivery's second attempt; each later wait is 4 times longer, and the 5th failure dead-letters it. */
  WEBHOOK_RETRY_BASE_SECONDS: z.coerce.number().min(0.01).max(86_400).default(30),
  /** Comma-separated hosts http.request, webhook.send and webhook subscriptions may reach although they resolve to private addresses. */
  ALLOWED_PRIVATE_HOSTS: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((host) => host.trim()).filter(Boolean)),
  /** NATS server to consume events from (JetStream); no NATS source when unset. Credentials in it are never logged. */
  NATS_URL: z.string().min(1).optional(),
  /**
   * JSON array of sources: {stream, subjects, durable?, tenant, service?, createStream?}. Required with
   * NATS_URL: each source names its tenant(s), which no default can know.
   */
  NATS_SOURCES: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (!value) return [];
      try {
        return JSON.parse(value) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON array' });
        return z.NEVER;
      }
    })
    .pipe(z.array(natsSourceSchema)),
}).refine((env) => !env.NATS_URL || env.NATS_SOURCES.length > 0, {
  path: ['NATS_SOURCES'],
  message: 'is required with NATS_URL: a JSON array of sources, each bound to its tenant, e.g. [{"stream": "WORK_ORDERS", "subjects": ["wo.>"], "tenant": {"subjectToken": 1, "allowed": ["acme"]}}]',
});

export type WorkerEnv = z.infer<typeof workerEnvSchema>;

export function loadWorkerEnv(source: NodeJS.ProcessEnv = process.env): WorkerEnv {
  return parseEnv(workerEnvSchema, source);
}
