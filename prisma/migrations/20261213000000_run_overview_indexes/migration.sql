-- The overview counts runs finished per time bucket (bounded by finished_at), and a workflow's
-- versions list counts each version's runs by status: both read an index, never the whole table.
CREATE INDEX "runs_tenant_id_finished_at_status_idx" ON "runs"("tenant_id", "finished_at", "status");
CREATE INDEX "runs_version_id_status_idx" ON "runs"("version_id", "status");
