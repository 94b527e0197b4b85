-- CreateEnum
CREATE TYPE "ApprovalStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'TIMED_OUT');

-- AlterTable
ALTER TABLE "runs" ADD COLUMN     "parent_run_id" UUID;

-- AlterTable: no run has written steps before this migration
ALTER TABLE "run_steps" ADD COLUMN     "key" TEXT NOT NULL;

-- CreateTable
CREATE TABLE "waits" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "temporal_workflow_id" TEXT NOT NULL,
    "node_key" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "correlation_key" TEXT NOT NULL,
    "correlation_expr" TEXT NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "closed_at" TIMESTAMPTZ(3),
    "delivered_event_id" UUID,

    CONSTRAINT "waits_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "approval_tasks" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "temporal_workflow_id" TEXT NOT NULL,
    "node_key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "assignees" JSONB NOT NULL,
    "form_fields" JSONB NOT NULL,
    "status" "ApprovalStatus" NOT NULL DEFAULT 'PENDING',
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "escalated_at" TIMESTAMPTZ(3),
    "decision" JSONB,
    "decided_by" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "approval_tasks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "secrets" (
    "tenant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "ciphertext" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "secrets_pkey" PRIMARY KEY ("tenant_id","name")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "recipient" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "run_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "captured_emails" (
    "id" BIGSERIAL NOT NULL,
    "tenant_id" UUID,
    "from" TEXT NOT NULL,
    "to" TEXT[],
    "subject" TEXT NOT NULL,
    "text" TEXT,
    "html" TEXT,
    "headers" JSONB NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "captured_emails_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "remote_actions" (
    "tenant_id" UUID NOT NULL,
    "action_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "input_schema" JSONB NOT NULL,
    "output_schema" JSONB NOT NULL,
    "idempotent" BOOLEAN NOT NULL,
    "endpoint" TEXT NOT NULL,
    "signing_secret" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "remote_actions_pkey" PRIMARY KEY ("tenant_id","action_id")
);

-- CreateTable
CREATE TABLE "action_executions" (
    "idempotency_key" TEXT NOT NULL,
    "tenant_id" UUID NOT NULL,
    "action_id" TEXT NOT NULL,
    "output" JSONB NOT NULL,
    "completed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "action_executions_pkey" PRIMARY KEY ("idempotency_key")
);

-- CreateIndex
CREATE UNIQUE INDEX "run_steps_run_id_key_key" ON "run_steps"("run_id", "key");

-- CreateIndex
CREATE INDEX "waits_tenant_id_event_type_closed_at_idx" ON "waits"("tenant_id", "event_type", "closed_at");

-- CreateIndex
CREATE INDEX "waits_tenant_id_delivered_event_id_idx" ON "waits"("tenant_id", "delivered_event_id");

-- CreateIndex
CREATE INDEX "approval_tasks_tenant_id_status_created_at_idx" ON "approval_tasks"("tenant_id", "status", "created_at" DESC);

-- CreateIndex
CREATE INDEX "notifications_tenant_id_recipient_created_at_idx" ON "notifications"("tenant_id", "recipient", "created_at" DESC);

-- CreateIndex
CREATE INDEX "captured_emails_tenant_id_received_at_idx" ON "captured_emails"("tenant_id", "received_at" DESC);

-- AddForeignKey
ALTER TABLE "waits" ADD CONSTRAINT "waits_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "waits" ADD CONSTRAINT "waits_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approval_tasks" ADD CONSTRAINT "approval_tasks_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approval_tasks" ADD CONSTRAINT "approval_tasks_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "secrets" ADD CONSTRAINT "secrets_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "remote_actions" ADD CONSTRAINT "remote_actions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
