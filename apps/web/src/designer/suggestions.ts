import { ENVELOPE_FIELDS, runOrder, RUN_FIELDS, type ValidationCatalog } from '@cascade/workflow';
import type { DraftDefinition } from './draft';
import { portOf } from './ports';

/** Whose context an expression sees: the run's, or (filters, correlation.event) one event's alone. */
export type ExpressionScope = { kind: 'run' } | { kind: 'event'; eventType: string | undefined };

/** `lines[].sku` reads as `lines.sku` in JSONata; map keys (`*`) cannot be suggested by name. */
const readablePath = (path: string) => (path.includes('*') ? undefined : path.replaceAll('[]', ''));

export function eventPaths(eventType: string | undefined, catalog: ValidationCatalog): string[] {
  const envelope = ENVELOPE_FIELDS.filter((field) => field !== 'data').map((field) => `event.${field}`);
  const fields = (eventType ? (catalog.getEvent(eventType)?.fields ?? []) : []).flatMap((field) => {
    const path = readablePath(field.path);
    return path ? [`event.data.${path}`] : [];
  });
  return ['event.data', ...fields, ...envelope];
}

/** Steps that have certainly run before `nodeId`, so their output may be read; none for a node no path reaches. */
export function stepsBefore(definition: DraftDefinition, nodeId: string): string[] {
  const trigger = definition.nodes.find((node) => node.type === 'trigger');
  if (!trigger) return [];
  const joinsAll = new Set(definition.nodes.filter((node) => node.type === 'join' && node.mode !== 'any').map((node) => node.id));
  const edges = definition.edges.filter((edge) => portOf(edge) !== 'item');
  const order = runOrder(trigger.id, edges, (id) => joinsAll.has(id));
  // The trigger records nothing: its event is `event`.
  return definition.nodes.filter((node) => node.id !== trigger.id && order.ranBefore(node.id, nodeId)).map((node) => node.id);
}

function variableNames(definition: DraftDefinition): string[] {
  const assigned = definition.nodes.flatMap((node) =>
    node.type === 'setVariables' && typeof node.assign === 'object' && node.assign !== null ? Object.keys(node.assign) : [],
  );
  return [...new Set([...Object.keys(definition.variables ?? {}), ...assigned])];
}

/** Every context path an expression of `nodeId` may start with, most specific to the workflow first. */
export function expressionSuggestions(definition: DraftDefinition, nodeId: string, scope: ExpressionScope, catalog: ValidationCatalog): string[] {
  if (scope.kind === 'event') return eventPaths(scope.eventType, catalog);
  const trigger = definition.nodes.find((node) => node.type === 'trigger');
  const triggerEvent = typeof trigger?.event === 'string' ? trigger.event : undefined;
  return [
    ...eventPaths(triggerEvent, catalog),
    ...stepsBefore(definition, nodeId).map((id) => `steps.${id}.output`),
    ...variableNames(definition).map((name) => `vars.${name}`),
    ...RUN_FIELDS.map((field) => `run.${field}`),
  ];
}

export interface Completion {
  /** The span of text the chosen option replaces. */
  from: number;
  to: number;
  options: string[];
}

const MAX_OPTIONS = 8;

/**
 * The options for the path being typed at `caret`: those that start with it first, then those
 * that merely contain it (typing `ticketId` finds `event.data.ticketId`).
 */
export function completeAt(text: string, caret: number, suggestions: readonly string[]): Completion {
  const token = /[A-Za-z0-9_.$]*$/.exec(text.slice(0, caret))?.[0] ?? '';
  const rest = /^[A-Za-z0-9_]*/.exec(text.slice(caret))?.[0] ?? '';
  const from = caret - token.length;
  if (!token) return { from, to: caret, options: [] };
  const needle = token.toLowerCase();
  const candidates = suggestions.filter((s) => s !== token + rest);
  const starting = candidates.filter((s) => s.toLowerCase().startsWith(needle));
  const containing = candidates.filter((s) => !starting.includes(s) && s.toLowerCase().includes(needle));
  return { from, to: caret + rest.length, options: [...starting, ...containing].slice(0, MAX_OPTIONS) };
}

export function applyCompletion(text: string, completion: Completion, option: string): { text: string; caret: number } {
  return { text: text.slice(0, completion.from) + option + text.slice(completion.to), caret: completion.from + option.length };
}
