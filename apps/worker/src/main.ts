import { checkDatabase, createDatabase, DISPATCH_CHANNEL } from '@cascade/db';
import { ConfigurationError } from '@cascade/env';
import { countPendingDispatches, createIngestion } from '@cascade/ingestion';
import { createLogger, redactUrl } from '@cascade/logger';
import { createSecretStore } from '@cascade/secrets';
import { startTracing } from '@cascade/telemetry/setup';
import { TASK_QUEUE } from '@cascade/temporal';
import { connectNativeTemporal } from '@cascade/temporal/native';
import { loadWorkerEnv } from './env';
import { startDispatcher } from './dispatcher/dispatcher';
import { createEventRouter } from './dispatcher/route-event';
import { paceRunsByProgress } from './dispatcher/run-pacing';
import { startHeartbeat } from './heartbeat';
import { countIngested, measureBacklogWith, serveMetrics } from './metrics';
import { startNatsSources } from './nats';
import { createActionServices } from './services/action-services';
import { archiveFromEnv, startRetention } from './retention/index';
import { installTemporalRuntime } from './temporal-runtime';
import { tracingClientInterceptors } from './tracing';
import { startWebhookDeliveries } from './webhooks/webhook-outbox';
import { watchTemporal, whenTemporalReachable } from './temporal-reachability';
import { createCascadeWorker, createTestRunWorker } from './worker';
import { loadWorkflowBundle } from './workflow-bundle';

const logger = createLogger('worker');
installTemporalRuntime(logger);

async function main(): Promise<void> {
  const env = loadWorkerEnv();
  const db = createDatabase(env.DATABASE_URL);
  const database = await checkDatabase(db);
  if (!database.ok) {
    throw new ConfigurationError('DATABASE_URL', `cannot reach PostgreSQL at ${redactUrl(env.DATABASE_URL)}: ${database.error}`);
  }
  const tracing = startTracing('cascade-worker', env);
  // One bundle serves both task queues: production runs, and drafts' test runs kept apart from them.
  // Loaded before Temporal is probed: bundling (without a current prebuilt bundle) holds the event loop for seconds.
  const workflowBundle = await loadWorkflowBundle(tracing, logger);
  // Temporal away (not started yet, restarting) is waited out rather than exited on: the SDK's
  // workers resume polling by themselves once it answers, so no relaunch is needed for it.
  const temporalWatch = watchTemporal({ settings: { address: env.TEMPORAL_ADDRESS, namespace: env.TEMPORAL_NAMESPACE }, logger });
  let polling = false;
  const notReady = () => [...(temporalWatch.reachable ? [] : ['temporal']), ...(polling ? [] : ['workers'])];
  // Listening before Temporal answers, so /ready says what the worker waits for.
  const metricsServer = await serveMetrics(env.WORKER_METRICS_PORT, notReady).catch((error: NodeJS.ErrnoException) => {
    throw new ConfigurationError('WORKER_METRICS_PORT', `cannot listen on ${env.WORKER_METRICS_PORT}: ${error.code ?? error.message}`);
  });
  const { connection, client } = await whenTemporalReachable(temporalWatch, () =>
    connectNativeTemporal({ address: env.TEMPORAL_ADDRESS, namespace: env.TEMPORAL_NAMESPACE, interceptors: tracingClientInterceptors(tracing) }),
  );

  measureBacklogWith(() => countPendingDispatches(db));
  const ingestion = createIngestion(db, { ingested: countIngested });
  const ingestOptions = { restrictedNamespaces: env.CASCADE_RESTRICTED_NAMESPACES, maxCausationDepth: env.MAX_CAUSATION_DEPTH };
  const dependencies = {
    db,
    ingestion,
    ingestOptions,
    logger,
    services: createActionServices({ db, allowedPrivateHosts: env.ALLOWED_PRIVATE_HOSTS, smtpUrl: env.SMTP_URL, mailFrom: env.MAIL_FROM }),
    secrets: createSecretStore(db, env.CASCADE_SECRET_KEY),
    eventBufferMs: env.CASCADE_EVENT_BUFFER_SECONDS * 1000,
  };
  const worker = await whenTemporalReachable(temporalWatch, () =>
    createCascadeWorker({ connection, namespace: env.TEMPORAL_NAMESPACE, tracing, dependencies, workflowBundle }),
  );
  const testRunWorker = await whenTemporalReachable(temporalWatch, () =>
    createTestRunWorker({ connection, namespace: env.TEMPORAL_NAMESPACE, tracing, dependencies, workflowBundle, taskQueue: env.CASCADE_TEST_TASK_QUEUE }),
  );
  const nats = env.NATS_URL ? await startNatsSources(env.NATS_URL, env.NATS_SOURCES, { db, ingestion, ingestOptions, logger }) : undefined;
  const dispatcher = startDispatcher({
    db,
    databaseUrl: env.DATABASE_URL,
    channel: DISPATCH_CHANNEL,
    logger,
    maxAttempts: env.DISPATCH_MAX_ATTEMPTS,
    dispatchEvents: createEventRouter({ db, client, taskQueue: TASK_QUEUE, logger }).routeEvents,
    pacing: env.DISPATCH_MAX_STARTING_RUNS ? paceRunsByProgress({ db, maxStartingRuns: env.DISPATCH_MAX_STARTING_RUNS }) : undefined,
  });
  const webhooks = startWebhookDeliveries({
    db,
    logger,
    secretKey: env.CASCADE_SECRET_KEY,
    allowedPrivateHosts: env.ALLOWED_PRIVATE_HOSTS,
    retryBaseMs: env.WEBHOOK_RETRY_BASE_SECONDS * 1000,
  });
  const archive = archiveFromEnv(env);
  if (!archive) logger.info('retention deletes nothing: set RETENTION_ARCHIVE_DIR or RETENTION_S3_BUCKET to archive to');
  const retention = archive
    ? startRetention({
        db,
        logger,
        archive,
        batchSize: env.RETENTION_BATCH_SIZE,
        runBatchSize: Math.max(1, Math.floor(env.RETENTION_BATCH_SIZE / 5)),
        eventBufferSeconds: env.CASCADE_EVENT_BUFFER_SECONDS,
        dedupeDays: env.RETENTION_DEDUPE_DAYS,
        intervalMs: env.RETENTION_INTERVAL_SECONDS * 1000,
      })
    : undefined;
  const stopHeartbeat = startHeartbeat({ db, workerId: env.WORKER_ID, taskQueue: TASK_QUEUE, logger });
  logger.info({ taskQueue: TASK_QUEUE, testTaskQueue: env.CASCADE_TEST_TASK_QUEUE, temporal: env.TEMPORAL_ADDRESS, metricsPort: env.WORKER_METRICS_PORT }, 'worker started');

  // Worker.run() installs its own SIGINT/SIGTERM handlers and resolves once it has drained.
  const running = Promise.all([worker.run(), testRunWorker.run()]);
  polling = true;
  await running;
  await temporalWatch.stop();
  await dispatcher.stop();
  await webhooks.stop();
  await retention?.stop();
  await nats?.stop();
  await stopHeartbeat();
  metricsServer.close();
  await connection.close();
  await db.$disconnect();
  await tracing?.shutdown();
  logger.info('worker stopped');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigurationError) {
    console.error(`cascade worker: ${error.message}`);
    process.exit(78); // EX_CONFIG
  }
  logger.fatal({ err: error }, 'worker crashed');
  process.exit(1);
});
