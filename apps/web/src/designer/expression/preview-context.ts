import { isExpressionLeaf, type ExpressionContext, type ScopeField, type StepRecord, type ValidationCatalog } from '@cascade/workflow';
import type { DraftDefinition } from '../draft';
import { scopeFields, type ExpressionScope } from '../suggestions';
import { catalogExampleEvent, type SampleEvent } from './event-samples';
import { sampleOf } from './sample-values';

/** What an expression is previewed against, and which parts of it are made up rather than real. */
export interface PreviewContext {
  context: ExpressionContext;
  /** One sentence per made-up part: `steps.fetch: generated from its output schema`. */
  madeUp: string[];
}

interface PreviewInput {
  definition: DraftDefinition;
  nodeId: string;
  scope: ExpressionScope;
  catalog: ValidationCatalog;
  /** The chosen sample of the trigger's event type. */
  sample: SampleEvent;
}

/**
 * The context the engine would give an expression of `nodeId`, built from the chosen sample event
 * and what the schemas say of the rest: `event` is the sample; each step that has certainly run
 * before holds an output generated from its schema (a forEach's body sees a generated item at
 * index 0); variables hold their declared literal or a generated value; `run` is a placeholder.
 * A filter or the event side of a correlation sees one event alone, as in the engine.
 */
export function previewContext({ definition, nodeId, scope, catalog, sample }: PreviewInput): PreviewContext {
  const madeUp: string[] = [];
  const eventOfType = (eventType: string | undefined): SampleEvent =>
    eventType === undefined || eventType === sample.envelope.type ? sample : catalogExampleEvent(eventType, catalog);
  if (scope.kind === 'event') {
    const event = eventOfType(scope.eventType);
    if (event.madeUp) madeUp.push(`event: ${event.madeUp}`);
    return { context: { event: event.envelope }, madeUp };
  }
  if (sample.madeUp) madeUp.push(`event: ${sample.madeUp}`);
  const context: ExpressionContext & { steps: Record<string, StepRecord> } = { event: sample.envelope, steps: {} };
  for (const root of scopeFields(definition, nodeId, scope, catalog)) {
    if (root.path.startsWith('steps.')) {
      context.steps[root.name] = stepRecord(root);
      madeUp.push(`${root.path}: generated from its schema (${root.children.map((child) => child.name).join(', ')})`);
    } else if (root.path === 'vars') {
      context.vars = variables(root, definition, madeUp);
    } else if (root.path === 'run') {
      context.run = { id: '00000000-0000-4000-8000-000000000001', workflowId: '00000000-0000-4000-8000-000000000002', workflowVersion: 1, tenantId: 'preview-tenant', startedAt: new Date(0).toISOString() };
      madeUp.push('run: placeholder ids');
    }
  }
  return { context, madeUp };
}

/** `output` (and `error` where the node is reached after a failure), or a forEach body's `item` and `index`. */
function stepRecord(root: ScopeField): StepRecord {
  const record: Record<string, unknown> = {};
  for (const child of root.children) record[child.name] = child.name === 'index' ? 0 : sampleOf(child);
  return record as StepRecord;
}

/** A declared variable starts with its declared value; one that only an expression assigns is generated from the type it reads. */
function variables(root: ScopeField, definition: DraftDefinition, madeUp: string[]): Record<string, unknown> {
  const declared = definition.variables ?? {};
  const values: Record<string, unknown> = {};
  const generated: string[] = [];
  for (const field of root.children) {
    const value = declared[field.name];
    if (Object.hasOwn(declared, field.name) && !isExpressionLeaf(value)) {
      values[field.name] = value;
    } else {
      values[field.name] = sampleOf(field);
      generated.push(field.name);
    }
  }
  if (generated.length > 0) madeUp.push(`vars: ${generated.join(', ')} generated`);
  return values;
}
