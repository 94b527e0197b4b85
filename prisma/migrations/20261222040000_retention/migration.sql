-- CreateTable
CREATE TABLE "tenant_retention" (
    "tenant_id" UUID NOT NULL,
    "event_log_days" INTEGER,
    "run_history_days" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tenant_retention_pkey" PRIMARY KEY ("tenant_id")
);

-- CreateTable
CREATE TABLE "retired_event_ids" (
    "tenant_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "received_on" DATE NOT NULL,

    CONSTRAINT "retired_event_ids_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateIndex
CREATE INDEX "retired_event_ids_received_on_idx" ON "retired_event_ids"("received_on");

-- AddForeignKey
ALTER TABLE "tenant_retention" ADD CONSTRAINT "tenant_retention_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "retired_event_ids" ADD CONSTRAINT "retired_event_ids_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
