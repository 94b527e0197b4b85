'use client';

import { createContext, use } from 'react';
import type { TestScope } from './test-run-api';

/** What the inspector needs to pin a node's data and to open the test panel on part of the draft. */
export interface NodeTestContextValue {
  workflowId: string;
  /** Opens the test panel set to run `scope`; the author picks the event and starts it there. */
  openScopedTest: (scope: TestScope) => void;
}

export const NodeTestContext = createContext<NodeTestContextValue | null>(null);

/** Undefined outside a saved workflow's designer: a new workflow has nothing to pin yet. */
export const useNodeTest = (): NodeTestContextValue | undefined => use(NodeTestContext) ?? undefined;
