-- CreateTable
CREATE TABLE "test_runs" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "workflow_id" UUID NOT NULL,
    "temporal_workflow_id" TEXT NOT NULL,
    "definition" JSONB NOT NULL,
    "event" JSONB NOT NULL,
    "stubs" JSONB NOT NULL,
    "status" "RunStatus" NOT NULL DEFAULT 'RUNNING',
    "error" JSONB,
    "steps" JSONB NOT NULL DEFAULT '{}',
    "started_by" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "test_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "test_runs_temporal_workflow_id_key" ON "test_runs"("temporal_workflow_id");

-- CreateIndex
CREATE INDEX "test_runs_tenant_id_workflow_id_started_at_idx" ON "test_runs"("tenant_id", "workflow_id", "started_at" DESC);

-- AddForeignKey
ALTER TABLE "test_runs" ADD CONSTRAINT "test_runs_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "test_runs" ADD CONSTRAINT "test_runs_workflow_id_fkey" FOREIGN KEY ("workflow_id") REFERENCES "workflows"("id") ON DELETE CASCADE ON UPDATE CASCADE;
