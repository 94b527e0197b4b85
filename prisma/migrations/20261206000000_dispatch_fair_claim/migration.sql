-- The dispatcher claims pending rows round-robin across tenants: it finds the tenants with pending
-- rows by skipping through this index, then reads each one's oldest rows from it.
CREATE INDEX "dispatches_status_tenant_id_id_idx" ON "dispatches"("status", "tenant_id", "id");
