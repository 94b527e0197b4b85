-- CreateEnum
CREATE TYPE "DispatchStatus" AS ENUM ('PENDING', 'DISPATCHED', 'DEAD');

-- AlterTable
ALTER TABLE "api_keys" ADD COLUMN     "publish_namespaces" TEXT[],
ADD COLUMN     "service" TEXT;

-- CreateTable
CREATE TABLE "events" (
    "tenant_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "correlation_id" TEXT,
    "causation_id" TEXT,
    "causation_depth" INTEGER NOT NULL DEFAULT 0,
    "actor" JSONB,
    "data" JSONB NOT NULL,
    "metadata" JSONB,
    "published_by" TEXT,

    CONSTRAINT "events_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "dispatches" (
    "id" BIGSERIAL NOT NULL,
    "tenant_id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "status" "DispatchStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dispatched_at" TIMESTAMPTZ(3),

    CONSTRAINT "dispatches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event_types" (
    "tenant_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "display_name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "json_schema" JSONB NOT NULL,
    "example" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_types_pkey" PRIMARY KEY ("tenant_id","type","version")
);

-- CreateIndex
CREATE INDEX "events_tenant_id_received_at_idx" ON "events"("tenant_id", "received_at" DESC);

-- CreateIndex
CREATE INDEX "events_tenant_id_type_received_at_idx" ON "events"("tenant_id", "type", "received_at" DESC);

-- CreateIndex
CREATE INDEX "events_tenant_id_correlation_id_idx" ON "events"("tenant_id", "correlation_id");

-- CreateIndex
CREATE INDEX "dispatches_status_next_attempt_at_idx" ON "dispatches"("status", "next_attempt_at");

-- CreateIndex
CREATE UNIQUE INDEX "dispatches_tenant_id_event_id_key" ON "dispatches"("tenant_id", "event_id");

-- AddForeignKey
ALTER TABLE "events" ADD CONSTRAINT "events_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispatches" ADD CONSTRAINT "dispatches_tenant_id_event_id_fkey" FOREIGN KEY ("tenant_id", "event_id") REFERENCES "events"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_types" ADD CONSTRAINT "event_types_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
