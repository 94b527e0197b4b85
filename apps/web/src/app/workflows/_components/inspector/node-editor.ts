'use client';

import { expressionExample, type Problem } from '@cascade/workflow';
import { useMemo } from 'react';
import type { DraftNode } from '@/designer/draft';
import { updateNode } from '@/designer/edit';
import { problemsAt } from '@/designer/problems';
import { expressionSuggestions } from '@/designer/suggestions';
import { useDesigner } from '../designer-context';

/** What each type's fields in the inspector work with: the node, how to change it, its problems and suggestions. */
export interface NodeEditor {
  node: DraftNode;
  update: (patch: Record<string, unknown>) => void;
  /** The problems of one field (and the fields beneath it). */
  problemsAt: (field: string) => Problem[];
  /** Paths an expression evaluated in the run may read. */
  runPaths: readonly string[];
  /** Paths a filter on one event of this type may read: that event alone. */
  eventPaths: (eventType: string | undefined) => string[];
  readOnly: boolean;
  /** The node type's example of one of its expression fields, for the empty field's placeholder. */
  example: (field: string) => string | undefined;
}

export function useNodeEditor(node: DraftNode, problems: readonly Problem[]): NodeEditor {
  const { definition, dispatch, catalog, readOnly } = useDesigner();
  const runPaths = useMemo(() => expressionSuggestions(definition, node.id, { kind: 'run' }, catalog), [definition, node.id, catalog]);
  return {
    node,
    // Typing into one field is one undo step, however many keystrokes it took.
    update: (patch) => dispatch({ type: 'edit', apply: (d) => updateNode(d, node.id, patch), group: `field:${node.id}:${Object.keys(patch).join(',')}` }),
    problemsAt: (field) => problemsAt(problems, field),
    runPaths,
    eventPaths: (eventType) => expressionSuggestions(definition, node.id, { kind: 'event', eventType }, catalog),
    readOnly,
    example: (field) => expressionExample(node.type, field),
  };
}

export const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
