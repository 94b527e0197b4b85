'use client';

import { useEffect, useMemo, useState } from 'react';
import { previewContext, type PreviewContext } from '@/designer/expression/preview-context';
import type { PreviewResult } from '@/designer/expression/preview';
import { previewOffThread } from '@/designer/expression/preview-off-thread';
import type { ExpressionScope } from '@/designer/suggestions';
import { useDesigner } from '../designer-context';
import styles from '../designer.module.css';
import { usePreviewNode, usePreviewSample } from './preview-sample';

/** Typing pauses this long before the expression is evaluated again. */
const DEBOUNCE_MS = 250;
/** Longest value shown; the sandbox bounds what is computed, this what is drawn. */
const SHOWN_CHARS = 2_000;

/**
 * The expression's value at its node against the designer's chosen sample, computed off the page's
 * thread (a Web Worker) by the engine's sandboxed evaluator: as JSON, or the error a run would stop with. Says which of the
 * values it read are made up (steps that have not run, placeholders) rather than the sample's.
 */
export function ExpressionPreview({ source, scope }: { source: string; scope: ExpressionScope }) {
  const { definition, catalog } = useDesigner();
  const nodeId = usePreviewNode();
  const sample = usePreviewSample()?.sample;
  const scopeKey = scope.kind === 'event' ? `event:${scope.eventType ?? ''}` : 'run';
  const built = useMemo(
    () => (nodeId && sample ? sharedContext(definition, sample, `${nodeId}|${scopeKey}`, () => previewContext({ definition, nodeId, scope, catalog, sample })) : undefined),
    // The scope is a fresh object on every render: it is compared by what it says, its key.
    [definition, nodeId, catalog, sample, scopeKey],
  );
  const [result, setResult] = useState<{ source: string; outcome: PreviewResult }>();

  useEffect(() => {
    if (!built || source.trim() === '') return;
    let current = true;
    const timer = setTimeout(() => {
      void previewOffThread(source, built.context).then((outcome) => {
        if (current) setResult({ source, outcome });
      });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [source, built]);

  if (!built || source.trim() === '' || !result) return null;
  const { outcome } = result;
  const stale = result.source !== source;
  const madeUp = built.madeUp.filter((part) => !part.startsWith('event:'));
  return (
    <div className={styles.preview} data-testid="expression-preview" data-stale={stale || undefined} aria-live="polite">
      <span className={styles.previewLabel}>Preview</span>
      {outcome.ok ? (
        <code data-testid="preview-value">{shown(outcome.value)}</code>
      ) : (
        <code className={styles.previewError} data-testid="preview-error">
          {outcome.message}
        </code>
      )}
      {madeUp.length > 0 && <span className={styles.previewMadeUp}>Made up: {madeUp.join('; ')}</span>}
    </div>
  );
}

/**
 * Contexts by definition, sample and node: every expression row of a node previews against the
 * same one, built once per edit rather than once per row.
 */
const contexts = new WeakMap<object, WeakMap<object, Map<string, PreviewContext>>>();

function sharedContext(definition: object, sample: object, key: string, build: () => PreviewContext): PreviewContext {
  let bySample = contexts.get(definition);
  if (!bySample) contexts.set(definition, (bySample = new WeakMap()));
  let byKey = bySample.get(sample);
  if (!byKey) bySample.set(sample, (byKey = new Map()));
  let context = byKey.get(key);
  if (!context) byKey.set(key, (context = build()));
  return context;
}

function shown(value: unknown): string {
  if (value === undefined) return '(no value)';
  const text = JSON.stringify(value);
  return text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text;
}
