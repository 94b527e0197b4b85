import 'server-only';
import { setImmediate as yieldToOthers } from 'node:timers/promises';
import { checkCompatibility, ExpansionBudgetExceeded, type CompatibilityResult, type JsonSchema } from '@cascade/catalog';
import { eventFieldReads, validateWorkflow, type EventFieldRead, type Problem, type ValidationCatalog } from '@cascade/workflow';
import { unprocessable } from './http/problem';
import { db } from './services';
import { validationCatalogFor, withProposedEventType } from './validation-catalog';

export interface EventTypeProposal {
  type: string;
  /** The version it would be registered as; the next one when absent. */
  version?: number;
  jsonSchema: JsonSchema;
}

export interface WorkflowImpact {
  id: string;
  name: string;
  /** What was read: the latest published version, which new runs start on, or the draft of a workflow never published. */
  definition: { kind: 'published'; version: number } | { kind: 'draft' };
  reads: EventFieldRead[];
  /** Problems the definition would have under the proposed schema that it does not have today. */
  breaks: Problem[];
}

export interface EventTypeImpact {
  /** Compared with the latest registered version; null for a type not registered yet. */
  compatibility: (CompatibilityResult & { comparedWith: number }) | null;
  workflows: WorkflowImpact[];
  /** Why it stopped before checking every workflow, if it did. */
  stoppedEarly: string | null;
}

/**
 * Bounds of a preview, which validates on the web server's event loop beside every tenant's
 * requests: workflows are read a few at a time (definitions may be large), other requests are let
 * through between workflows, and the whole stops after a few seconds of validating.
 */
export const IMPACT_LIMITS: { budgetMs: number; readBatch: number } = { budgetMs: 5_000, readBatch: 25 };

const problemKey = (p: Problem) => JSON.stringify([p.nodeId ?? null, p.edgeId ?? null, p.field ?? null, p.code, p.message]);

function problemsOf(definition: unknown, catalog: ValidationCatalog): Problem[] {
  const result = validateWorkflow(definition, catalog);
  return result.ok ? [] : result.problems;
}

/**
 * What registering `proposal` would do to the tenant's workflows: every workflow that names the
 * type, the payload fields its expressions read, and the problems the same validator that guards
 * publishing would then find in it that it does not find today.
 */
export async function eventTypeImpact(tenantId: string, proposal: EventTypeProposal, limits: typeof IMPACT_LIMITS = IMPACT_LIMITS): Promise<EventTypeImpact> {
  const [latest, catalog] = await Promise.all([
    db().eventType.findFirst({ where: { tenantId, type: proposal.type }, orderBy: { version: 'desc' } }),
    validationCatalogFor(tenantId),
  ]);
  const proposed = withProposedEventType(catalog, proposal.type, proposal.version ?? (latest?.version ?? 0) + 1, proposal.jsonSchema);
  const named = `"${proposal.type}"`;
  const impact: EventTypeImpact = {
    compatibility: latest ? { ...compareWithRegistered(latest.jsonSchema as JsonSchema, proposal.jsonSchema, latest.version), comparedWith: latest.version } : null,
    workflows: [],
    stoppedEarly: null,
  };
  const deadline = performance.now() + limits.budgetMs;
  let checked = 0;
  for await (const workflow of workflowsOf(tenantId, limits.readBatch)) {
    const published = workflow.versions[0];
    const definition = published?.definition ?? workflow.draft;
    // Cheap before the validator: a definition that never names the type cannot read it.
    if (!JSON.stringify(definition).includes(named)) continue;
    if (performance.now() > deadline) {
      impact.stoppedEarly = `Stopped after ${checked} workflows naming the type: a preview validates for at most ${limits.budgetMs / 1000} s`;
      break;
    }
    const today = new Set(problemsOf(definition, catalog).map(problemKey));
    impact.workflows.push({
      id: workflow.id,
      name: workflow.name,
      definition: published ? { kind: 'published', version: published.version } : { kind: 'draft' },
      reads: eventFieldReads(definition, proposal.type),
      breaks: problemsOf(definition, proposed).filter((problem) => !today.has(problemKey(problem))),
    });
    checked += 1;
    await yieldToOthers();
  }
  return impact;
}

/** The tenant's workflows by name, with their latest published definition, read a page at a time. */
async function* workflowsOf(tenantId: string, readBatch: number) {
  let cursor: { name: string; id: string } | undefined;
  for (;;) {
    const page = await db().workflow.findMany({
      where: { tenantId, ...(cursor ? { OR: [{ name: { gt: cursor.name } }, { name: cursor.name, id: { gt: cursor.id } }] } : {}) },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      take: readBatch,
      select: { id: true, name: true, draft: true, versions: { orderBy: { version: 'desc' }, take: 1, select: { version: true, definition: true } } },
    });
    yield* page;
    if (page.length < readBatch) return;
    cursor = page.at(-1)!;
  }
}

/**
 * The new schema is within the limits, but a version registered before they existed may not be:
 * one that expands past the node budget cannot be compared, only followed by a new version.
 */
export function compareWithRegistered(registered: JsonSchema, next: JsonSchema, version: number) {
  try {
    return checkCompatibility(registered, next);
  } catch (error) {
    if (!(error instanceof ExpansionBudgetExceeded)) throw error;
    throw unprocessable(`Registered version ${version} cannot be compared with this schema; register the change as the next version`, [
      { path: '/jsonSchema', message: `Registered version ${version}: ${error.message}`, expected: 'a registered version within schemaLimits.maxExpandedNodes' },
    ]);
  }
}
