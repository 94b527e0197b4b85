-- A run's page reads its waits, approval tasks and child runs by the run, and polls them each second.
CREATE INDEX "runs_parent_run_id_idx" ON "runs"("parent_run_id");

CREATE INDEX "waits_run_id_idx" ON "waits"("run_id");

CREATE INDEX "approval_tasks_run_id_idx" ON "approval_tasks"("run_id");
