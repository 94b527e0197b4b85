import { workflowDefinitionSchema, type WorkflowDefinition } from './workflow';

export type StoredDefinition = { ok: true; definition: WorkflowDefinition } | { ok: false; problem: string };

/**
 * A published definition read back from the database, parsed with the schema it was published
 * with, never cast: one edited in the database or stored by an older schema is reported, with
 * where it fails, instead of failing later in a run.
 */
export function readStoredDefinition(json: unknown): StoredDefinition {
  const parsed = workflowDefinitionSchema.safeParse(json);
  if (parsed.success) return { ok: true, definition: parsed.data };
  const problem = parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(definition)'}: ${issue.message}`)
    .join('; ');
  return { ok: false, problem };
}

/** `readStoredDefinition` for callers that cannot go on without it: throws what is wrong. */
export function parseStoredDefinition(json: unknown, what: string): WorkflowDefinition {
  const stored = readStoredDefinition(json);
  if (!stored.ok) throw new Error(`${what} does not parse as a workflow definition: ${stored.problem}`);
  return stored.definition;
}
