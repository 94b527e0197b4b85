import { ERROR_PORT } from '../definition/port-names';
import { isExpressionLeaf } from '../definition/mapping-values';
import { compileExpression } from '../expressions/compile';
import { eventFieldList, RUN_FIELD_LIST } from '../expressions/context-fields';
import { plainPath } from '../expressions/references';
import { nodeTypeOf, type LooseNode, type ShallowNode } from '../nodes';
import { jsonTypeOf } from '../nodes/json-type';
import type { ValidationCatalog } from './catalog';
import { parseLeniently } from './parse-leniently';
import { isInsideBody, referenceScopeOf, type ReferenceScope } from './reference-scope';
import { fieldTree, findField, reroot, type ScopeField } from './scope-tree';

/**
 * Everything an expression of `nodeId` may read, typed from the schemas alone: the trigger event,
 * each step that has certainly run before it, the current item of each forEach it sits in, the
 * run variables and the run. The designer's data picker shows this; the validator resolves mapped
 * paths against it. A filter or the event side of a correlation sees one event: `eventInScope`.
 */
export function dataInScope(definition: unknown, nodeId: string, catalog: ValidationCatalog): ScopeField[] {
  const scope = referenceScopeOf(parseLeniently(definition), catalog, (definition as { variables?: unknown } | null)?.variables);
  return fieldsInScope(nodeId, scope);
}

/** What a filter on one event of `eventType` reads: that event alone. */
export function eventInScope(eventType: string | undefined, catalog: ValidationCatalog): ScopeField[] {
  return [eventRoot(eventType, catalog, 'The event being filtered')];
}

export function fieldsInScope(nodeId: string, scope: ReferenceScope): ScopeField[] {
  const steps = [...scope.nodes.keys()].flatMap((id) => {
    const root = isInsideBody(nodeId, id, scope.bodyOwners) ? itemRoot(id, scope) : scope.stepOrder.ranBefore(id, nodeId) ? stepRoot(id, nodeId, scope) : undefined;
    return root ? [root] : [];
  });
  return [triggerEventRoot(scope), ...steps, varsRoot(nodeId, scope), runRoot()];
}

/** The field `path` reads at `nodeId`, when the schemas describe it. */
export function fieldAt(path: readonly string[], nodeId: string, scope: ReferenceScope, depth = 0): ScopeField | undefined {
  // A variable assigned from a variable assigned from …: past a few steps, the type is unknown.
  if (depth > 8) return undefined;
  const [root, name, ...rest] = path;
  if (root === 'event') return name === undefined ? triggerEventRoot(scope) : findField(triggerEventRoot(scope).children, path.slice(1));
  if (root === 'run') return findField(runRoot().children, path.slice(1));
  if (root === 'vars') return name === undefined ? undefined : findField(varsRoot(nodeId, scope, depth, name).children, path.slice(1));
  if (root !== 'steps' || name === undefined) return undefined;
  const step = isInsideBody(nodeId, name, scope.bodyOwners) ? itemRoot(name, scope, depth) : scope.stepOrder.ranBefore(name, nodeId) ? stepRoot(name, nodeId, scope) : undefined;
  return step && (rest.length === 0 ? step : findField(step.children, rest));
}

/** The type of what a plain path expression reads, when it is one the schemas describe. */
export function fieldOfExpression(source: string, nodeId: string, scope: ReferenceScope, depth = 0): ScopeField | undefined {
  const compiled = compileExpression(source);
  const path = compiled.ok ? plainPath(compiled.expression.ast) : undefined;
  return path && fieldAt(path, nodeId, scope, depth + 1);
}

const triggerEvents = new WeakMap<ReferenceScope, ScopeField>();

/** Built once per scope: a payload may list thousands of fields, and every mapped path of the workflow may read it. */
function triggerEventRoot(scope: ReferenceScope): ScopeField {
  let root = triggerEvents.get(scope);
  if (!root) {
    root = eventRoot(scope.triggerEvent, scope.catalog, 'The event that started the run');
    triggerEvents.set(scope, root);
  }
  return root;
}

function eventRoot(eventType: string | undefined, catalog: ValidationCatalog, description: string): ScopeField {
  const payload = eventType === undefined ? undefined : catalog.getEvent(eventType)?.fields;
  return {
    path: 'event',
    name: 'event',
    type: 'object',
    optional: false,
    description: eventType ? `${description}: ${eventType}` : description,
    // The payload first: it is what a mapping reads far more often than the envelope around it.
    children: fieldTree(eventFieldList(payload ?? []), 'event', { optional: false, perItem: false }).sort((a, b) => Number(b.name === 'data') - Number(a.name === 'data')),
  };
}

function stepRoot(id: string, nodeId: string, scope: ReferenceScope): ScopeField | undefined {
  const node = scope.nodes.get(id)?.node;
  if (!node || node.type === 'trigger') return undefined;
  const output = nodeTypeOf(node).outputFields?.(node, scope.catalog);
  if (output?.type === 'null') return undefined;
  const failed = scope.leadsFrom(id, ERROR_PORT, nodeId);
  // After a timeout a wait's output is null and an approval's has its outcome alone.
  const optional = failed || scope.leadsFrom(id, 'timeout', nodeId);
  const base = `steps.${id}.output`;
  const outputField: ScopeField = {
    path: base,
    name: 'output',
    type: output ? (output.type ?? 'object') : 'unknown',
    optional,
    description: output?.what ?? 'Not described by a schema',
    ...(output?.enum ? { enum: output.enum } : {}),
    children: output ? fieldTree(output.fields, base, { optional, perItem: output.type === 'array' }) : [],
  };
  const errorField: ScopeField = {
    path: `steps.${id}.error`,
    name: 'error',
    type: 'object',
    optional: true,
    description: 'Why the step failed',
    children: fieldTree([{ path: 'message', type: 'string', optional: false }, { path: 'type', type: 'string', optional: true }], `steps.${id}.error`, { optional: true, perItem: false }),
  };
  return { path: `steps.${id}`, name: id, type: 'object', optional: false, description: describeNode(node), children: failed ? [outputField, errorField] : [outputField] };
}

/** Inside a forEach's body, `steps.<forEach>` is the current item and its position. */
function itemRoot(forEachId: string, scope: ReferenceScope, depth = 0): ScopeField | undefined {
  const node = scope.nodes.get(forEachId)?.node;
  if (node?.type !== 'forEach') return undefined;
  const items = fieldOfExpression(node.items, forEachId, scope, depth);
  const path = `steps.${forEachId}.item`;
  const item: ScopeField = items?.type.split('|').includes('array')
    ? { ...reroot(items, path, 'item', { optional: false, perItem: false }), type: items.itemType ?? (items.children.length > 0 ? 'object' : 'unknown'), description: `One item of ${node.items}` }
    : { path, name: 'item', type: 'unknown', optional: false, description: `One item of ${node.items}`, children: [] };
  const index: ScopeField = { path: `steps.${forEachId}.index`, name: 'index', type: 'integer', optional: false, description: 'The item’s position, from 0', children: [] };
  return { path: `steps.${forEachId}`, name: forEachId, type: 'object', optional: false, description: `${describeNode(node)} (the current item)`, children: [item, index] };
}

/** `vars.<name>`: declared ones always set, assigned ones once their setVariables has run. */
function varsRoot(nodeId: string, scope: ReferenceScope, depth = 0, only?: string): ScopeField {
  const names = only === undefined ? [...scope.variables] : [only];
  const children = names.flatMap((name): ScopeField[] => {
    if (!scope.variables.has(name)) return [];
    const assigners = [...scope.nodes.values()].flatMap(({ id, node }) => (node?.type === 'setVariables' && Object.hasOwn(node.assign, name) ? [{ id, value: node.assign[name] }] : []));
    const declared = scope.declaredVariables.has(name);
    const assignedBefore = assigners.filter((assigner) => scope.stepOrder.ranBefore(assigner.id, nodeId));
    const values = [...(declared ? [scope.declaredVariables.get(name)] : []), ...assigners.map((assigner) => assigner.value)];
    const typed = values.map((value) => (isExpressionLeaf(value) ? fieldOfExpression(value.$expr, assigners.find((a) => a.value === value)!.id, scope, depth)?.type : jsonTypeOf(value)));
    const types = [...new Set(typed.map((type) => type ?? 'unknown'))];
    return [
      {
        path: `vars.${name}`,
        name,
        type: types.includes('unknown') || types.length === 0 ? 'unknown' : types.join('|'),
        optional: !declared && assignedBefore.length === 0,
        description: declared ? 'Declared in the workflow’s variables' : `Assigned by ${assigners.map((assigner) => assigner.id).join(', ')}`,
        children: [],
      },
    ];
  });
  return { path: 'vars', name: 'vars', type: 'object', optional: false, description: 'The run’s variables', children };
}

function runRoot(): ScopeField {
  return { path: 'run', name: 'run', type: 'object', optional: false, description: 'This run', children: fieldTree(RUN_FIELD_LIST, 'run', { optional: false, perItem: false }) };
}

function describeNode(node: ShallowNode): string {
  const type = nodeTypeOf(node);
  const label = (node as { label?: string }).label;
  return `${label ? `${label} · ` : ''}${type.designer.label}: ${type.designer.summary(node as unknown as LooseNode)}`;
}
