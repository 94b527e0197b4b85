import { dataInScope, eventInScope, type ScopeField, type ValidationCatalog } from '@cascade/workflow';
import type { DraftDefinition } from './draft';

/** Whose context an expression sees: the run's, or (filters, correlation.event) one event's alone. */
export type ExpressionScope = { kind: 'run' } | { kind: 'event'; eventType: string | undefined };

/** What an expression of the node may read, typed: what the data picker lists. */
export function scopeFields(definition: DraftDefinition, nodeId: string, scope: ExpressionScope, catalog: ValidationCatalog): ScopeField[] {
  return scope.kind === 'event' ? eventInScope(scope.eventType, catalog) : dataInScope(definition, nodeId, catalog);
}

/** Every path of the fields, parents before children; containers with nothing of their own (`event`, `steps.x`) left out. */
export function pathsOf(fields: readonly ScopeField[]): string[] {
  return fields.flatMap((field) => [...(CONTAINERS.test(field.path) ? [] : [field.path]), ...pathsOf(field.children)]);
}
const CONTAINERS = /^(event|vars|run|steps\.[^.]+)$/;

/** Steps whose output a node may read: those that have certainly run before it. */
export function stepsBefore(definition: DraftDefinition, nodeId: string, catalog: ValidationCatalog): string[] {
  return dataInScope(definition, nodeId, catalog).flatMap((root) => (root.path.startsWith('steps.') ? [root.name] : []));
}

/** Every context path an expression of `nodeId` may start with, most specific to the workflow first. */
export function expressionSuggestions(definition: DraftDefinition, nodeId: string, scope: ExpressionScope, catalog: ValidationCatalog): string[] {
  return pathsOf(scopeFields(definition, nodeId, scope, catalog));
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
