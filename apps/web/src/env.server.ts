import 'server-only';
import { envFields, parseEnv } from '@cascade/env';
import { ingestionEnvFields } from '@cascade/ingestion';
import { secretsEnvFields } from '@cascade/secrets';
import { telemetryEnvFields } from '@cascade/telemetry';
import { z } from 'zod';

/** A rate in units a second; 0 means no limit. */
const rate = (fallback: number) => z.coerce.number().nonnegative().default(fallback);

const webEnvSchema = z.object({
  DATABASE_URL: envFields.databaseUrl,
  TEMPORAL_ADDRESS: envFields.temporalAddress,
  TEMPORAL_NAMESPACE: envFields.temporalNamespace,
  SESSION_SECRET: z
    .string({ error: 'is required: at least 32 characters used to seal login sessions' })
    .min(32, 'must be at least 32 characters'),
  /** The port the web server (server.ts) listens on. */
  PORT: envFields.port(3000),
  /** Where users reach Cascade; session cookies are marked Secure when it is https. */
  PUBLIC_URL: z.url().default('http://localhost:3000'),
  /** A reverse proxy fronts Cascade: a client's address is the last X-Forwarded-For entry, not the socket's peer. */
  TRUST_PROXY: z.stringbool().default(false),
  LOG_LEVEL: envFields.logLevel,
  ...ingestionEnvFields,
  ...secretsEnvFields,
  ...telemetryEnvFields,
  /**
   * Lets remote actions be registered with plain http:// endpoints on any host (a private network
   * without TLS). Without it only https:// is accepted, and http:// to localhost outside production.
   */
  ALLOW_HTTP_ACTION_ENDPOINTS: z.stringbool().default(false),
  NODE_ENV: z.string().default('development'),
  /** Largest POST /api/v1/events body, in bytes. */
  MAX_EVENT_BODY_BYTES: z.coerce.number().int().positive().default(5 * 1024 * 1024),
  /**
   * Rate limits, in this process's memory (each web replica allows them in full); 0 turns one
   * off. Events count each event of a batch; requests count every other API request. The
   * defaults sit above what one machine ingests (`npm run bench:ingest`), so they stop a runaway
   * caller without slowing a busy one.
   */
  RATE_LIMIT_KEY_EVENTS_PER_SECOND: rate(20_000),
  RATE_LIMIT_TENANT_EVENTS_PER_SECOND: rate(40_000),
  RATE_LIMIT_KEY_REQUESTS_PER_SECOND: rate(200),
  RATE_LIMIT_TENANT_REQUESTS_PER_SECOND: rate(500),
  /** A bucket holds this many seconds of its rate, so a burst after a quiet spell passes. */
  RATE_LIMIT_BURST_SECONDS: z.coerce.number().positive().max(3600).default(5),
  /**
   * Events of one tenant waiting to be dispatched past which its publishing is answered 429 (0: no
   * bound). About 15 s of this machine's capacity: a flood waits at the producer, not in the
   * database, and runs keep completing at capacity while it lasts (`npm run bench:e2e`).
   */
  INGEST_MAX_TENANT_BACKLOG: z.coerce.number().int().min(0).default(1_000),
  /** The worker's buffer window, so a waiting run's page can list the events it looked back at. */
  CASCADE_EVENT_BUFFER_SECONDS: envFields.eventBufferSeconds,
  CASCADE_TEST_TASK_QUEUE: envFields.testTaskQueue,
  /** How recent a worker heartbeat must be for /api/ready to count the worker as up. */
  WORKER_HEARTBEAT_MAX_AGE_MS: z.coerce.number().int().positive().default(15_000),
});

export type WebEnv = z.infer<typeof webEnvSchema>;

let parsed: WebEnv | undefined;

/** The web app's environment, parsed on first use and never again. */
export function webEnv(): WebEnv {
  parsed ??= parseEnv(webEnvSchema);
  return parsed;
}
