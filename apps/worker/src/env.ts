import { envFields, parseEnv } from '@cascade/env';
import { ingestionEnvFields } from '@cascade/ingestion';
import { secretsEnvFields } from '@cascade/secrets';
import { telemetryEnvFields } from '@cascade/telemetry';
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
  ...telemetryEnvFields,
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
  /** Directory retention archives to before it deletes (README "Retention"); with neither it nor RETENTION_S3_BUCKET, nothing is deleted. */
  RETENTION_ARCHIVE_DIR: z.string().min(1).optional(),
  /** S3 bucket retention archives to instead; credentials from the AWS SDK's usual variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY). */
  RETENTION_S3_BUCKET: z.string().min(1).optional(),
  /** Prepended to every archive object's key, e.g. `cascade/`. */
  RETENTION_S3_PREFIX: z.string().default(''),
  RETENTION_S3_REGION: z.string().min(1).default('us-east-1'),
  /** An S3-compatible server (MinIO, Ceph, …) instead of AWS; addressed path-style. */
  RETENTION_S3_ENDPOINT: z.string().url().optional(),
  /** Wait between retention passes when there is no backlog. */
  RETENTION_INTERVAL_SECONDS: z.coerce.number().min(1).max(86_400).default(300),
  /** Most events (and a fifth as many runs) one tenant archives and deletes per pass. */
  RETENTION_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(500),
  /** Days a retired event id is still answered as a duplicate; unset: for ever. */
  RETENTION_DEDUPE_DAYS: z.coerce.number().int().min(1).max(36_500).optional(),
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
}).refine((env) => !(env.RETENTION_ARCHIVE_DIR && env.RETENTION_S3_BUCKET), {
  path: ['RETENTION_S3_BUCKET'],
  message: 'cannot be set with RETENTION_ARCHIVE_DIR: retention archives to one place, a directory or a bucket',
});

export type WorkerEnv = z.infer<typeof workerEnvSchema>;

export function loadWorkerEnv(source: NodeJS.ProcessEnv = process.env): WorkerEnv {
  return parseEnv(workerEnvSchema, source);
}
