'use client';

import { validateWorkflow, type Problem, type ValidationCatalog } from '@cascade/workflow';
import { useEffect, useRef, useState } from 'react';
import type { DraftDefinition } from '@/designer/draft';
import { differsOnlyInPlace } from '@/designer/validation-input';

/** Long enough that typing a word validates once, short enough to read as "as you type". */
const DEBOUNCE_MS = 150;

export interface Validation {
  /** The validator's errors, then its warnings, for the last definition it checked. */
  problems: Problem[];
  /** Whether the validator has yet to check the workflow at all (it has just been opened). */
  checking: boolean;
}

/**
 * The browser's run of the one validator, off the input path: a burst of edits is checked once,
 * after it, when the browser is idle; moves are not checked at all, since nothing the validator
 * checks depends on where a node is. A large workflow opens and drags without waiting for it.
 */
export function useValidation(definition: DraftDefinition, catalog: ValidationCatalog): Validation {
  const [checked, setChecked] = useState<{ problems: Problem[]; definition: DraftDefinition | undefined }>({ problems: [], definition: undefined });
  const lastChecked = useRef<{ definition: DraftDefinition; catalog: ValidationCatalog } | undefined>(undefined);
  const upToDate = lastChecked.current !== undefined && lastChecked.current.catalog === catalog && differsOnlyInPlace(lastChecked.current.definition, definition);

  useEffect(() => {
    if (upToDate) return;
    const idleCallbacks = typeof window.requestIdleCallback === 'function';
    let idle: number | undefined;
    const timer = window.setTimeout(() => {
      const check = () => {
        const result = validateWorkflow(definition, catalog);
        lastChecked.current = { definition, catalog };
        setChecked({ problems: [...(result.ok ? [] : result.problems), ...result.warnings], definition });
      };
      idle = idleCallbacks ? window.requestIdleCallback(check, { timeout: 500 }) : window.setTimeout(check, 0);
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      if (idle === undefined) return;
      if (idleCallbacks) window.cancelIdleCallback(idle);
      else window.clearTimeout(idle);
    };
  }, [definition, catalog, upToDate]);

  // After an edit the last problems stay shown until the next check: no flicker on every key.
  return { problems: checked.problems, checking: checked.definition === undefined };
}
