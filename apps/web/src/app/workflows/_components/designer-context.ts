'use client';

import type { ValidationCatalog } from '@cascade/workflow';
import { createContext, use, type Dispatch } from 'react';
import type { PublishedWorkflow, RemoteActionOption } from '@/designer/browser-catalog';
import type { DraftDefinition } from '@/designer/draft';
import type { DesignerAction } from '@/designer/store';
import type { EventOption } from '../_server/workflow-pages';

/** What every part of the designer reads: the definition, the one way to change it, and the catalog. */
export interface DesignerContextValue {
  definition: DraftDefinition;
  dispatch: Dispatch<DesignerAction>;
  catalog: ValidationCatalog;
  events: readonly EventOption[];
  workflows: readonly PublishedWorkflow[];
  remoteActions: readonly RemoteActionOption[];
  readOnly: boolean;
}

export const DesignerContext = createContext<DesignerContextValue | null>(null);

export function useDesigner(): DesignerContextValue {
  const value = use(DesignerContext);
  if (!value) throw new Error('useDesigner is used outside <Designer>');
  return value;
}
