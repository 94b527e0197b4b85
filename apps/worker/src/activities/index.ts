import { createRoundtripActivities } from './roundtrip';
import { createRunActivities, type RunActivityDependencies } from './runs';

export type ActivityDependencies = RunActivityDependencies;

/** Builds every activity with its dependencies injected, so tests can pass their own. */
export function createActivities(deps: ActivityDependencies) {
  return {
    ...createRoundtripActivities(deps.db),
    ...createRunActivities(deps),
  };
}

export type CascadeActivities = ReturnType<typeof createActivities>;
