'use client';

import { useEffect, useState } from 'react';
import { DateTime } from '@/components/date-time';
import type { StepRecord } from './node-details';
import { JsonValue } from './json-value';
import { TABLE_STEPS } from './table-steps';


/** Every step in the order it started, page by page from the steps API; the first page is read again as the run changes. */
export function StepsTable({ runId, initial, version }: { runId: string; initial: { items: StepRecord[]; nextCursor: string | null }; version: string }) {
  const [page, setPage] = useState(initial);
  useEffect(() => {
    let stale = false;
    void fetch(`/api/v1/runs/${runId}/steps?limit=${TABLE_STEPS}`, { cache: 'no-store' }).then(async (response) => {
      if (response.ok && !stale) {
        const first = (await response.json()) as typeof initial;
        // Keep the pages read beyond the first: only the first is refreshed.
        setPage((previous) => (previous.items.length > TABLE_STEPS ? { ...previous, items: [...first.items, ...previous.items.slice(TABLE_STEPS)] } : first));
      }
    });
    return () => {
      stale = true;
    };
  }, [runId, version]);
  async function more() {
    const response = await fetch(`/api/v1/runs/${runId}/steps?limit=${TABLE_STEPS}&cursor=${page.nextCursor}`, { cache: 'no-store' });
    if (!response.ok) return;
    const next = (await response.json()) as typeof initial;
    setPage({ items: [...page.items, ...next.items], nextCursor: next.nextCursor });
  }
  if (page.items.length === 0) return <p className="muted">No step has finished yet.</p>;
  return (
    <>
      <table data-testid="run-steps" className="fixed">
        <colgroup>
          <col style={{ width: '16%' }} /><col style={{ width: '11%' }} /><col style={{ width: '8%' }} /><col style={{ width: '15%' }} /><col /><col />
        </colgroup>
        <thead><tr><th>Step</th><th>Status</th><th>Attempts</th><th>Started</th><th>Input</th><th>Output / error</th></tr></thead>
        <tbody>
          {page.items.map((step) => (
            <tr key={step.key} data-testid="run-step">
              <td className="wrap-anywhere"><code>{step.key}</code></td>
              <td className={step.status === 'FAILED' ? 'status-bad' : undefined}>{step.status}</td>
              <td>{step.attempts}</td>
              <td><DateTime value={step.startedAt} milliseconds /></td>
              <td><JsonValue value={step.input} label="input" /></td>
              <td><JsonValue value={step.status === 'FAILED' ? step.error : step.output} label={step.status === 'FAILED' ? 'error' : 'output'} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      {page.nextCursor && <button type="button" onClick={() => void more()}>More steps</button>}
    </>
  );
}
