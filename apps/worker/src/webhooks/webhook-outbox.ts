import { sql, type Database } from '@cascade/db';
import type { Logger } from '@cascade/logger';
import { openWebhookSigningSecret } from '@cascade/secrets';
import { sendWebhookDelivery, type AttemptOutcome, type ClaimedDelivery } from './send-webhook-delivery';
import { deadLetters } from '../metrics';

export interface WebhookOutboxOptions {
  db: Database;
  logger: Logger;
  /** Seals the subscriptions' signing secrets (CASCADE_SECRET_KEY). */
  secretKey: Buffer;
  allowedPrivateHosts: readonly string[];
  /** Wait before the second attempt; each later one waits 4 times longer (30 s, 2 min, 8 min, 32 min by default). */
  retryBaseMs: number;
  /** Attempts before a delivery is dead-lettered; 5 unless a test says otherwise. */
  maxAttempts?: number;
  /** Deliveries claimed at once. */
  batchSize?: number;
}

/** Attempts before a delivery is dead-lettered, as the event dispatcher does. */
export const WEBHOOK_MAX_ATTEMPTS = 5;

/** How long a claimed delivery is held: past the send timeout, so only a dead worker's claim lapses. */
const LEASE_SECONDS = 60;

/** The wait after failed attempt `attempt` (1-based): exponential, base × 4^(attempt − 1). */
export const retryDelayMs = (retryBaseMs: number, attempt: number) => retryBaseMs * 4 ** (attempt - 1);

/**
 * Claims the due deliveries of enabled subscriptions (skipping rows another worker holds), counts
 * the attempt and pushes each past a lease, so a worker that dies mid-send leaves it to the next
 * claim: delivery is at least once, and receivers drop repeats by the delivery id.
 */
async function claimDue(options: WebhookOutboxOptions): Promise<Array<Omit<ClaimedDelivery, 'signingSecret'> & { attempts: number; subscriptionId: string; sealedSecret: string }>> {
  const rows = await sql<{ id: string; tenant_id: string; subscription_id: string; event_type: string; payload: unknown; created_at: Date; attempts: number; url: string; secret_ciphertext: string }>(
    options.db,
    `
    WITH due AS (
      SELECT d.id FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
       WHERE d.status = 'PENDING' AND d.next_attempt_at <= now() AND s.enabled
       ORDER BY d.next_attempt_at
       LIMIT $1
       FOR UPDATE OF d SKIP LOCKED
    )
    UPDATE webhook_deliveries d
       SET attempts = d.attempts + 1, next_attempt_at = now() + make_interval(secs => $2)
      FROM due, webhook_subscriptions s
     WHERE d.id = due.id AND s.id = d.subscription_id
    RETURNING d.id, d.tenant_id, d.subscription_id, d.event_type, d.payload, d.created_at, d.attempts, s.url, s.secret_ciphertext`,
    [options.batchSize ?? 20, LEASE_SECONDS],
  );
  return rows.map((row) => ({
    id: row.id,
    tenantId: row.tenant_id,
    eventType: row.event_type,
    payload: row.payload,
    createdAt: row.created_at,
    attempts: row.attempts,
    url: row.url,
    subscriptionId: row.subscription_id,
    sealedSecret: row.secret_ciphertext,
  }));
}

/** Records an attempt's outcome, unless the delivery was replayed (its attempts reset) meanwhile. */
async function recordOutcome(options: WebhookOutboxOptions, delivery: { id: string; attempts: number }, outcome: AttemptOutcome): Promise<void> {
  if (outcome.ok) {
    await sql(options.db, `UPDATE webhook_deliveries SET status = 'DELIVERED', delivered_at = now(), last_status = $3, last_error = NULL WHERE id = $1 AND attempts = $2`, [
      delivery.id,
      delivery.attempts,
      outcome.status,
    ]);
    return;
  }
  const dead = !outcome.retryable || delivery.attempts >= (options.maxAttempts ?? WEBHOOK_MAX_ATTEMPTS);
  if (dead) deadLetters.inc({ queue: 'webhook' });
  await sql(
    options.db,
    `UPDATE webhook_deliveries
        SET status = CASE WHEN $3 THEN 'DEAD'::"WebhookDeliveryStatus" ELSE 'PENDING'::"WebhookDeliveryStatus" END,
            next_attempt_at = now() + make_interval(secs => $4), last_status = $5, last_error = $6
      WHERE id = $1 AND attempts = $2`,
    [delivery.id, delivery.attempts, dead, retryDelayMs(options.retryBaseMs, delivery.attempts) / 1000, outcome.status, outcome.error.slice(0, 2000)],
  );
}

/** One pass: claims what is due, sends it, records each outcome. Returns how many were attempted. */
export async function deliverDueWebhooks(options: WebhookOutboxOptions, signal: AbortSignal = new AbortController().signal): Promise<number> {
  const claimed = await claimDue(options);
  await Promise.all(
    claimed.map(async (delivery) => {
      const outcome = await attempt(options, delivery, signal);
      if (!outcome.ok) options.logger.warn({ delivery: delivery.id, attempt: delivery.attempts, error: outcome.error }, 'webhook delivery failed');
      await recordOutcome(options, delivery, outcome);
    }),
  );
  return claimed.length;
}

async function attempt(options: WebhookOutboxOptions, delivery: Awaited<ReturnType<typeof claimDue>>[number], signal: AbortSignal): Promise<AttemptOutcome> {
  let signingSecret: string;
  try {
    signingSecret = openWebhookSigningSecret(options.secretKey, delivery.tenantId, delivery.subscriptionId, delivery.sealedSecret);
  } catch (error) {
    // Another CASCADE_SECRET_KEY sealed it: no retry can sign this delivery.
    return { ok: false, status: null, error: `The subscription's signing secret cannot be opened: ${(error as Error).message}`, retryable: false };
  }
  return sendWebhookDelivery({ ...delivery, signingSecret }, { allowedPrivateHosts: options.allowedPrivateHosts, signal });
}

/**
 * Sends the webhook outbox until stopped: polls every `pollMs`, and again at once after a full
 * batch. A database outage only delays deliveries; the loop keeps going.
 */
export function startWebhookDeliveries(options: WebhookOutboxOptions & { pollMs?: number }): { stop(): Promise<void> } {
  const abort = new AbortController();
  const pollMs = options.pollMs ?? 1_000;
  const loop = (async () => {
    while (!abort.signal.aborted) {
      let attempted = 0;
      try {
        attempted = await deliverDueWebhooks(options, abort.signal);
      } catch (error) {
        if (!abort.signal.aborted) options.logger.warn({ err: error }, 'webhook outbox pass failed; retrying');
      }
      if (attempted < (options.batchSize ?? 20)) await sleep(pollMs, abort.signal);
    }
  })();
  return {
    async stop() {
      abort.abort();
      await loop;
    },
  };
}

/** Waits `ms`, or less when stopped; the abort listener goes with the wait, so the loop does not pile them up. */
const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
