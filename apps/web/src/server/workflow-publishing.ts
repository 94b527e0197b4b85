import 'server-only';
import type { Prisma } from '@cascade/db';
import { checkDefinitionLimits, pinEventVersions, validateWorkflow, type Problem, type ValidationCatalog, type WorkflowDefinition } from '@cascade/workflow';
import { unprocessable, type ProblemDetail } from './http/problem';
import { validationCatalogFor } from './validation-catalog';

/** A validator problem as a problem detail: `/nodes/<id>/<field>` under `root` (the definition's place in the request). */
export function problemDetailOf(problem: Problem, root = ''): ProblemDetail & Problem {
  const site = problem.nodeId ? `nodes/${problem.nodeId}` : problem.edgeId ? `edges/${problem.edgeId}` : 'definition';
  return { ...problem, path: [root, site, problem.field].filter((part) => part !== undefined).join('/') };
}

/**
 * A draft need not be complete, but it must stay within the limits even the validator keeps to.
 * `root` is where the definition sits in the request, for the problems' paths.
 */
export function assertWithinLimits(definition: Record<string, unknown> | undefined, root = ''): void {
  const problems = definition === undefined ? [] : checkDefinitionLimits(definition);
  if (problems.length > 0) {
    throw unprocessable(`${problems.map((problem) => problem.message).join('; ')}; nothing was saved`, problems.map((problem) => problemDetailOf(problem, root)));
  }
}

/**
 * The definition as it would be published: validated in full against the tenant's catalog, and
 * its events pinned to their versions. Answers 422, every problem addressed by node and field,
 * when it is not publishable.
 */
export async function publishableDefinition(tenantId: string, draft: unknown, catalog?: ValidationCatalog): Promise<WorkflowDefinition> {
  return (await checkForPublishing(tenantId, draft, catalog)).definition;
}

/** Like `publishableDefinition`, with the validator's warnings, which do not keep it from being published. */
export async function checkForPublishing(
  tenantId: string,
  draft: unknown,
  catalog?: ValidationCatalog,
): Promise<{ definition: WorkflowDefinition; warnings: Array<ProblemDetail & Problem> }> {
  const resolved = catalog ?? (await validationCatalogFor(tenantId));
  const result = validateWorkflow(draft, resolved);
  if (!result.ok) {
    throw unprocessable(
      `The draft has ${result.problems.length} problem(s); nothing was published`,
      result.problems.map((problem) => problemDetailOf(problem)),
    );
  }
  return { definition: pinEventVersions(result.definition, resolved), warnings: result.warnings.map((problem) => problemDetailOf(problem)) };
}

/**
 * Records `definition` (from `publishableDefinition`) as the workflow's next immutable version,
 * and points its trigger at it, within the caller's transaction.
 */
export async function recordPublishedVersion(
  tx: Prisma.TransactionClient,
  workflow: { id: string; tenantId: string; enabled: boolean },
  definition: WorkflowDefinition,
  publishedBy: string,
) {
  const trigger = triggerOf(definition);
  const latest = await tx.workflowVersion.findFirst({ where: { workflowId: workflow.id }, orderBy: { version: 'desc' } });
  const created = await tx.workflowVersion.create({
    data: {
      tenantId: workflow.tenantId,
      workflowId: workflow.id,
      version: (latest?.version ?? 0) + 1,
      definition: definition as unknown as Prisma.InputJsonValue,
      publishedBy,
    },
  });
  const triggerRow = { versionId: created.id, eventType: trigger.event, filter: trigger.filter ?? null, enabled: workflow.enabled };
  await tx.trigger.upsert({
    where: { workflowId: workflow.id },
    create: { tenantId: workflow.tenantId, workflowId: workflow.id, ...triggerRow },
    update: triggerRow,
  });
  return created;
}

function triggerOf(definition: WorkflowDefinition): { event: string; filter?: string } {
  const trigger = definition.nodes.find((node) => node.type === 'trigger');
  if (!trigger || trigger.type !== 'trigger') throw new Error('a validated definition has a trigger');
  return trigger;
}
