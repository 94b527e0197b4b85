import { toEnvelope, type Event } from '@cascade/db';
import type { WorkflowDefinition } from '@cascade/workflow';
import { INTERPRETER_REVISION, type RunIdentity, type RunInput } from './interpreter-contract';

/** What a run starts with when `event` triggers it: the dispatcher's start, a retry's restart. */
export function runInputFor(run: RunIdentity, definition: WorkflowDefinition, event: Event): RunInput {
  return { run, revision: INTERPRETER_REVISION, definition, event: toEnvelope(event), causationDepth: event.causationDepth };
}
