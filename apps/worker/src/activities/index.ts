import { createActionActivities } from './actions';
import { createApprovalActivities } from './approvals';
import { createEmitActivities } from './emit';
import { createRecordActivities } from './records';
import { createRoundtripActivities } from './roundtrip';
import type { RunActivityDependencies } from './step-activity';
import { createWaitActivities } from './waits';

export type ActivityDependencies = RunActivityDependencies;

/**
 * The run's side effects. Each is a local activity (DESIGN.md §8): it writes the records the
 * workflow batched, does its one effect, and writes its own step, so the read model costs no
 * extra round trip. All are idempotent under retry: steps upsert by key, actions dedupe by
 * idempotency key, emitted events by their id.
 */
export function createRunActivities(deps: RunActivityDependencies) {
  return {
    ...createRecordActivities(deps),
    ...createActionActivities(deps),
    ...createEmitActivities(deps),
    ...createWaitActivities(deps),
    ...createApprovalActivities(deps),
  };
}

export type RunActivities = ReturnType<typeof createRunActivities>;

/** Builds every activity with its dependencies injected, so tests can pass their own. */
export function createActivities(deps: ActivityDependencies) {
  return {
    ...createRoundtripActivities(deps.db),
    ...createRunActivities(deps),
  };
}

export type CascadeActivities = ReturnType<typeof createActivities>;
export type { StepCall } from './step-activity';
