-- An action with side effects records its intent before it acts and its result after, so a step
-- re-run after a worker died mid-effect knows an earlier attempt may have acted: a row with no
-- completed_at is an effect whose outcome nobody saw.
ALTER TABLE "action_executions" ADD COLUMN "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now();
ALTER TABLE "action_executions" ALTER COLUMN "output" DROP NOT NULL;
ALTER TABLE "action_executions" ALTER COLUMN "completed_at" DROP NOT NULL;
ALTER TABLE "action_executions" ALTER COLUMN "completed_at" DROP DEFAULT;
