'use client';

import { SCOPE_LABELS, type TestRunView } from './test-run-api';

const json = (value: unknown) => JSON.stringify(value, null, 2);

const ITEM_FROM = { typed: 'pinned', run: 'from a past run', sample: 'generated from the items’ schema' } as const;

/**
 * What a partial test ran and what its node did: the input as the node resolved it from the event,
 * the pins and the variables, and its output or its error.
 */
export function ScopedResult({ run }: { run: TestRunView }) {
  if (!run.scope) return null;
  const { mode, nodeId, pinned, items = {} } = run.scope;
  const step = run.steps.filter((candidate) => candidate.nodeId === nodeId).at(-1);
  const error = step?.error as { message?: string } | null | undefined;
  return (
    <section data-testid="test-run-node-result" aria-label={`Result of ${nodeId}`}>
      <h3>
        Result of <code>{nodeId}</code> <span className="muted">({SCOPE_LABELS[mode].toLowerCase()})</span>
      </h3>
      {pinned.length > 0 && <p className="muted">Pinned outputs stood in for {pinned.join(', ')}.</p>}
      {Object.entries(items).map(([ownerId, { item, index, from }]) => (
        <p key={ownerId} className="muted" data-testid="test-run-node-item">
          Ran as item {index} of <code>{ownerId}</code> ({ITEM_FROM[from]}): <code>{JSON.stringify(item)}</code>
        </p>
      ))}
      {!step ? (
        <p className="muted">{run.status === 'RUNNING' ? 'Not run yet.' : 'The node did not run.'}</p>
      ) : (
        <>
          <p>
            Input{step.effect === 'stubbed' ? ' (the action was stubbed: it did not act)' : ''}:
          </p>
          <pre data-testid="test-run-node-input">{json(step.input)}</pre>
          {step.status === 'FAILED' ? (
            <p role="alert" className="error" data-testid="test-run-node-error">{error?.message ?? json(step.error)}</p>
          ) : (
            <>
              <p>Output:</p>
              <pre data-testid="test-run-node-output">{json(step.output)}</pre>
            </>
          )}
        </>
      )}
    </section>
  );
}
