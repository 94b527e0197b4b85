-- What the dispatcher decided for each workflow triggered by the event's type (started, filtered
-- out, disabled, …), so the event page says why no run started from the facts of that moment.
ALTER TABLE "dispatches" ADD COLUMN "decisions" JSONB;
