import type { Database } from '@cascade/db';
import { createRoundtripActivities } from './roundtrip';

export interface ActivityDependencies {
  db: Database;
}

/** Builds every activity with its dependencies injected, so tests can pass their own. */
export function createActivities({ db }: ActivityDependencies) {
  return {
    ...createRoundtripActivities(db),
  };
}

export type CascadeActivities = ReturnType<typeof createActivities>;
