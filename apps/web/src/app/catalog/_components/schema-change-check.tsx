'use client';

import Link from 'next/link';
import { useState } from 'react';
import { JsonEditor } from '@/components/json-editor';
import { problemText } from '@/components/problem-text';

interface Impact {
  compatibility: { comparedWith: number; kind: 'none' | 'minor' | 'major'; changes: Array<{ path: string; change: string; breaking: boolean; previous?: string; next?: string }> } | null;
  workflows: Array<{
    id: string;
    name: string;
    definition: { kind: 'published'; version: number } | { kind: 'draft' };
    reads: Array<{ nodeId: string; field: string; path: string }>;
    breaks: Array<{ nodeId?: string; field?: string; message: string }>;
  }>;
  stoppedEarly: string | null;
}

const KIND: Record<'none' | 'minor' | 'major', string> = {
  none: 'The same contract: nothing changes for the workflows below.',
  minor: 'An additive change: it can replace the latest version in place.',
  major: 'A breaking change: register it as the next version, which runs beside the old one.',
};

/**
 * An admin pastes the payload schema they mean to register and sees what it would do before
 * anything is stored: which workflows read the event, the fields each reads, and what breaks.
 */
export function SchemaChangeCheck({ type, latestSchema }: { type: string; latestSchema: unknown }) {
  const [initial] = useState(() => JSON.stringify(latestSchema, null, 2));
  const [text, setText] = useState(initial);
  const [result, setResult] = useState<{ impact?: Impact; error?: string }>();
  const [busy, setBusy] = useState(false);

  async function check() {
    let jsonSchema: unknown;
    try {
      jsonSchema = JSON.parse(text);
    } catch (error) {
      setResult({ error: `The schema is not JSON: ${(error as Error).message}` });
      return;
    }
    setBusy(true);
    try {
      const response = await fetch(`/api/v1/catalog/events/${encodeURIComponent(type)}/impact`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonSchema }),
      });
      setResult(response.ok ? { impact: (await response.json()) as Impact } : { error: await problemText(response, 'The check failed') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="schema-change-title" data-testid="schema-change-check">
      <h2 id="schema-change-title">Check a schema change</h2>
      <p className="muted">Edit the payload schema as you would register it; nothing is saved here.</p>
      <JsonEditor text={initial} label="Proposed payload schema" onChange={setText} className="json-editor" testId="schema-change-editor" />
      <p>
        <button type="button" onClick={check} disabled={busy}>
          {busy ? 'Checking…' : 'Check what it changes'}
        </button>
      </p>
      {result?.error && <p role="alert" className="status-bad">{result.error}</p>}
      {result?.impact && <ImpactReport impact={result.impact} />}
    </section>
  );
}

function ImpactReport({ impact }: { impact: Impact }) {
  const { compatibility, workflows } = impact;
  const broken = workflows.filter((w) => w.breaks.length > 0).length;
  return (
    <div role="status" data-testid="schema-change-impact">
      {compatibility && (
        <>
          <p>
            <strong>Compared with version {compatibility.comparedWith}:</strong> {KIND[compatibility.kind]}
          </p>
          {compatibility.changes.length > 0 && (
            <ul>
              {compatibility.changes.map((c) => (
                <li key={`${c.path}:${c.change}`} className={c.breaking ? 'status-bad' : undefined}>
                  <code>{c.path}</code> {c.change.replace('-', ' ')}
                  {c.previous !== undefined && ` (was ${c.previous}${c.next !== undefined ? `, now ${c.next}` : ''})`}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <h3>
        {workflows.length === 0 ? 'No workflow reads this event.' : `${workflows.length} ${workflows.length === 1 ? 'workflow reads' : 'workflows read'} this event; ${broken} would break`}
      </h3>
      {impact.stoppedEarly && <p className="status-bad">{impact.stoppedEarly}; the workflows after those listed were not checked.</p>}
      {workflows.length > 0 && (
        <table data-testid="schema-change-workflows">
          <thead>
            <tr>
              <th scope="col">Workflow</th>
              <th scope="col">Fields it reads</th>
              <th scope="col">With this schema</th>
            </tr>
          </thead>
          <tbody>
            {workflows.map((w) => (
              <tr key={w.id} data-testid="schema-change-workflow">
                <td>
                  <Link href={`/workflows/${w.id}`}>{w.name}</Link>
                  <div className="muted">{w.definition.kind === 'published' ? `version ${w.definition.version}` : 'draft, never published'}</div>
                </td>
                <td>{w.reads.length ? [...new Set(w.reads.map((r) => r.path))].map((path) => <code key={path} className="field-chip">{path}</code>) : <span className="muted">none</span>}</td>
                <td>
                  {w.breaks.length === 0 ? (
                    <span className="status-ok">keeps working</span>
                  ) : (
                    <ul className="status-bad">
                      {w.breaks.map((b) => (
                        <li key={`${b.nodeId}:${b.field}:${b.message}`}>
                          {b.nodeId && <code>{b.nodeId}</code>} {b.message}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
