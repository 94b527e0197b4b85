-- CreateEnum
CREATE TYPE "WebhookDeliveryStatus" AS ENUM ('PENDING', 'DELIVERED', 'DEAD');

-- CreateTable
CREATE TABLE "webhook_subscriptions" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "events" TEXT[],
    "description" TEXT NOT NULL DEFAULT '',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "secret_ciphertext" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "webhook_subscriptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "subscription_id" UUID NOT NULL,
    "event_type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "WebhookDeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_status" INTEGER,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" TIMESTAMPTZ(3),

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "webhook_subscriptions_tenant_id_created_at_idx" ON "webhook_subscriptions"("tenant_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "webhook_deliveries_status_next_attempt_at_idx" ON "webhook_deliveries"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "webhook_deliveries_subscription_id_created_at_idx" ON "webhook_deliveries"("subscription_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "webhook_deliveries_tenant_id_status_created_at_idx" ON "webhook_deliveries"("tenant_id", "status", "created_at" DESC);

-- AddForeignKey
ALTER TABLE "webhook_subscriptions" ADD CONSTRAINT "webhook_subscriptions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "webhook_subscriptions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The outbox is filled by triggers, in the transaction that records each fact, whichever code
-- path records it (the worker's run records, its approval activities, the dispatcher).

-- ISO 8601 in UTC with milliseconds, whatever the session's time zone.
CREATE FUNCTION cascade_webhook_time(value timestamptz) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT to_char(value AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;

-- One delivery per enabled subscription of the tenant that takes this event type.
CREATE FUNCTION cascade_enqueue_webhooks(tenant uuid, event_type text, data jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO webhook_deliveries (tenant_id, subscription_id, event_type, payload)
  SELECT s.tenant_id, s.id, event_type, data
    FROM webhook_subscriptions s
   WHERE s.tenant_id = tenant AND s.enabled AND event_type = ANY (s.events)
$$;

CREATE FUNCTION cascade_run_webhooks() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  data jsonb := jsonb_build_object(
    'runId', NEW.id, 'workflowId', NEW.workflow_id, 'versionId', NEW.version_id, 'eventId', NEW.event_id,
    'parentRunId', NEW.parent_run_id, 'status', NEW.status, 'startedAt', cascade_webhook_time(NEW.started_at),
    'finishedAt', cascade_webhook_time(NEW.finished_at), 'error', NEW.error);
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM cascade_enqueue_webhooks(NEW.tenant_id, 'run.started', data);
  END IF;
  IF TG_OP = 'INSERT' OR OLD.status IS DISTINCT FROM NEW.status THEN
    IF NEW.status = 'COMPLETED' THEN
      PERFORM cascade_enqueue_webhooks(NEW.tenant_id, 'run.completed', data);
    ELSIF NEW.status = 'FAILED' THEN
      PERFORM cascade_enqueue_webhooks(NEW.tenant_id, 'run.failed', data);
    END IF;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "runs_webhooks" AFTER INSERT OR UPDATE OF "status" ON "runs"
  FOR EACH ROW EXECUTE FUNCTION cascade_run_webhooks();

CREATE FUNCTION cascade_approval_webhooks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM cascade_enqueue_webhooks(NEW.tenant_id, 'approval.requested', jsonb_build_object(
    'taskId', NEW.id, 'runId', NEW.run_id, 'title', NEW.title, 'assignees', NEW.assignees,
    'dueAt', cascade_webhook_time(NEW.due_at)));
  RETURN NULL;
END
$$;

CREATE TRIGGER "approval_tasks_webhooks" AFTER INSERT ON "approval_tasks"
  FOR EACH ROW EXECUTE FUNCTION cascade_approval_webhooks();

CREATE FUNCTION cascade_dead_letter_webhooks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'DEAD' AND (TG_OP = 'INSERT' OR OLD.status IS DISTINCT FROM NEW.status) THEN
    PERFORM cascade_enqueue_webhooks(NEW.tenant_id, 'event.dead_lettered', jsonb_build_object(
      'eventId', NEW.event_id, 'eventType', (SELECT e.type FROM events e WHERE e.tenant_id = NEW.tenant_id AND e.id = NEW.event_id),
      'attempts', NEW.attempts, 'lastError', NEW.last_error));
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "dispatches_webhooks" AFTER INSERT OR UPDATE OF "status" ON "dispatches"
  FOR EACH ROW EXECUTE FUNCTION cascade_dead_letter_webhooks();
