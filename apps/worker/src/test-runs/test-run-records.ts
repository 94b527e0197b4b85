import { sql, type Database } from '@cascade/db';
import type { StepWrite } from '../run-records/records';
import { toStorableValue } from '../run-records/storable-records';
import type { RunOutcome } from '../run-records/write-records';

/** What a test run records in place of an effect, beside the step: shown in the designer's test panel. */
export interface TestStepNote {
  /** The action was stubbed: it did not act, and answered its canned output. */
  stubbed?: true;
  /** The action was allowed to act although it has side effects. */
  allowed?: true;
  /** The event an emit node would have published; nothing was published. */
  emitted?: { type: string; version?: number; data: unknown };
  /** An open waitForEvent, which the test panel can answer with an event. */
  wait?: { waitId: string; eventType: string; correlationKey: string; correlationExpression: string; expiresAt: string };
  /** An open approval, which the test panel can decide. */
  approval?: { taskId: string; title: string; assignees: string[]; formFields: unknown[]; dueAt: string };
}

export type TestStepWrite = StepWrite & TestStepNote;

/**
 * Writes steps of a test run into its row (test_runs.steps, by step key), each merged over what
 * the key held, so a wait's completion keeps the note its opening wrote; with `outcome`, closes
 * the test run. A run id with no test-run row (a sub-workflow's child) writes nothing.
 */
export async function writeTestRunRecords(db: Database, runId: string, steps: readonly TestStepWrite[], outcome?: RunOutcome): Promise<void> {
  if (steps.length === 0 && !outcome) return;
  const byKey: Record<string, object> = {};
  for (const step of steps) byKey[step.key] = { ...byKey[step.key], ...withoutUndefined(step) };
  await sql(
    db,
    `UPDATE test_runs t
        SET steps = t.steps || COALESCE((
              SELECT jsonb_object_agg(s.key, COALESCE(t.steps -> s.key, '{}'::jsonb) || s.value)
                FROM jsonb_each($2::jsonb) AS s(key, value)), '{}'::jsonb),
            status = COALESCE($3::"RunStatus", t.status),
            finished_at = CASE WHEN $3::"RunStatus" IS NULL THEN t.finished_at ELSE now() END,
            error = COALESCE($4::jsonb, t.error)
      WHERE t.id = $1::uuid`,
    // Text PostgreSQL refuses is stored as U+FFFD, as in production run records.
    [runId, JSON.stringify(toStorableValue(byKey)), outcome?.status ?? null, outcome?.error ? JSON.stringify(toStorableValue(outcome.error)) : null],
  );
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
