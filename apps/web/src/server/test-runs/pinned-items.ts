import 'server-only';
import { toEnvelope } from '@cascade/db';
import type { TestIterations } from '@cascade/temporal/test-runs';
import { dataInScope, evaluateExpression, type StepRecord, type WorkflowDefinition } from '@cascade/workflow';
import { findNode } from '../../designer/bodies';
import { readDraft } from '../../designer/draft';
import { PREVIEW_TIMEOUT_MS } from '../../designer/expression/preview';
import { bodyItemSample } from '../../designer/expression/sample-values';
import { db } from '../services';
import { validationCatalogFor } from '../validation-catalog';

/**
 * The loop items of a draft's pinned data (README, "Testing one node"): a node inside a body reads
 * `steps.<owner>.item` and `.index`, which have no value when it runs alone. Per node holding a body,
 * the author can pin the item (typed), or it comes with a body step pinned from a past run (the
 * iteration that step ran in); failing both, a test generates one from the items' schema.
 */

export type PinnedItemSource = { kind: 'typed' } | { kind: 'run'; runId: string; key: string };

export interface PinnedItem {
  value: unknown;
  index: number;
  source: PinnedItemSource;
  pinnedAt: string;
  pinnedBy: string;
}

/** By the id of the node holding the body. */
export type PinnedItems = Record<string, PinnedItem>;

export const pinnedItemsOf = (row: { pinnedItems: unknown }): PinnedItems => (row.pinnedItems ?? {}) as PinnedItems;

/** Where each item of a scoped test came from, in the order the README gives: the author's, a past run's, generated. */
export type TestIterationsFrom = Record<string, TestIterations[string] & { from: 'typed' | 'run' | 'sample' }>;

/**
 * The item and index of every body `nodeId` sits in (`owners`, outermost first) for a test of the
 * node alone: the pinned one, else a value generated from what the schemas say the items are.
 */
export async function testIterations(tenantId: string, definition: WorkflowDefinition, nodeId: string, owners: readonly string[], pinned: PinnedItems): Promise<TestIterationsFrom> {
  const pinOf = (owner: string) => (Object.hasOwn(pinned, owner) ? pinned[owner] : undefined);
  const missing = owners.filter((owner) => !pinOf(owner));
  const scope = missing.length ? dataInScope(definition, nodeId, await validationCatalogFor(tenantId)) : [];
  return Object.fromEntries(
    owners.map((owner) => {
      const pin = pinOf(owner);
      if (pin) return [owner, { item: pin.value, index: pin.index, from: pin.source.kind }];
      return [owner, { item: bodyItemSample(scope, owner), index: 0, from: 'sample' }];
    }),
  );
}

/**
 * The items of the iteration a past run's body step `key` ran in (`outer[2].inner[0].node`), one per
 * body it sits in: each body's `items` expression, as the run's own version has it, evaluated again
 * on what the run recorded (its event, the steps before the body, the iteration's earlier steps),
 * sandboxed and bounded in time as a preview is, on the web server's thread. Bodies whose items
 * cannot be recovered (the key names other bodies, the expression fails or runs too long) are left out.
 */
export async function itemsOfRunIteration(tenantId: string, runId: string, key: string, owners: readonly string[]): Promise<Record<string, { value: unknown; index: number }>> {
  const indices = iterationIndices(key, owners);
  if (!indices) return {};
  const run = await db().run.findFirst({
    where: { id: runId, tenantId },
    select: { id: true, workflowId: true, tenantId: true, eventId: true, startedAt: true, version: { select: { version: true, definition: true } } },
  });
  if (!run) return {};
  const eventRow = run.eventId ? await db().event.findFirst({ where: { tenantId, id: run.eventId } }) : null;
  // The steps before the bodies, and those of this one iteration of each: not every iteration's outputs.
  const prefixes = owners.map((owner, depth) => owners.slice(0, depth + 1).map((id, level) => `${id}[${indices[level]}].`).join(''));
  const recorded = await db().runStep.findMany({
    where: { runId, status: 'COMPLETED', OR: [{ NOT: { key: { contains: '[' } } }, ...prefixes.map((prefix) => ({ key: { startsWith: prefix } }))] },
    select: { key: true, output: true },
  });
  const version = readDraft(run.version.definition, '').definition;
  const context = {
    event: eventRow ? toEnvelope(eventRow) : null,
    vars: { ...(version.variables ?? {}) },
    run: { id: run.id, workflowId: run.workflowId, workflowVersion: run.version.version, tenantId: run.tenantId, startedAt: run.startedAt.toISOString() },
  };
  const steps: Record<string, StepRecord> = {};
  // Keyed by node ids, which may be `__proto__` or `constructor`: no prototype to collide with.
  const found: Record<string, { value: unknown; index: number }> = Object.create(null);
  let prefix = '';
  for (const [depth, owner] of owners.entries()) {
    Object.assign(steps, stepsAt(recorded, prefix));
    const expression = findNode(version, owner)?.items;
    if (typeof expression !== 'string') break;
    let items: unknown;
    try {
      items = await evaluateExpression(expression, { ...context, steps }, { now: run.startedAt.getTime(), timeoutMs: PREVIEW_TIMEOUT_MS });
    } catch {
      break;
    }
    const index = indices[depth]!;
    const list = items === undefined ? [] : Array.isArray(items) ? items : [items];
    if (index >= list.length) break;
    found[owner] = { value: list[index], index };
    steps[owner] = { item: list[index], index };
    prefix = `${prefix}${owner}[${index}].`;
  }
  return found;
}

/** The iteration of each body in a step key, or undefined when the key does not run through exactly these bodies. */
function iterationIndices(key: string, owners: readonly string[]): number[] | undefined {
  const segments = key.split('.');
  if (segments.length !== owners.length + 1) return undefined;
  const indices = owners.map((owner, depth) => {
    const segment = segments[depth]!;
    const index = segment.startsWith(`${owner}[`) && segment.endsWith(']') ? segment.slice(owner.length + 1, -1) : '';
    return /^\d{1,6}$/.test(index) ? Number(index) : undefined;
  });
  return indices.every((index) => index !== undefined) ? (indices as number[]) : undefined;
}

/** The outputs of the steps a run recorded directly under `prefix` (the top level for ''), by node id. */
function stepsAt(recorded: ReadonlyArray<{ key: string; output: unknown }>, prefix: string): Record<string, StepRecord> {
  return Object.fromEntries(
    recorded.flatMap((step) => {
      const rest = step.key.startsWith(prefix) ? step.key.slice(prefix.length) : undefined;
      return rest && !rest.includes('.') && !rest.includes('[') ? [[rest, { output: step.output }]] : [];
    }),
  );
}
