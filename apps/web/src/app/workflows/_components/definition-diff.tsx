'use client';

import type { ChangedNode, DefinitionDiff, DiffEdge, DiffNode, FieldChange } from '@cascade/workflow';
import styles from './definition-diff.module.css';

/** A JSON value in a line or two: long values are cut, since the reader needs the gist. */
function shown(value: unknown): string {
  if (value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

const nodeName = (node: DiffNode) => `${node.label ? `${node.label} (${node.id})` : node.id} · ${node.type}${node.parent ? ` · in ${node.parent}’s body` : ''}`;
const edgeName = (edge: DiffEdge) => `${edge.from} → ${edge.to}${edge.port === 'next' ? '' : ` (${edge.port})`}${edge.parent ? ` · in ${edge.parent}’s body` : ''}`;

function FieldChanges({ fields }: { fields: readonly FieldChange[] }) {
  return (
    <table className={styles.fields}>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((change) => (
          <tr key={change.path} data-testid="field-change">
            <td>
              <code>{change.path || '(whole value)'}</code>
            </td>
            <td className={styles.before}>{shown(change.before)}</td>
            <td className={styles.after}>{shown(change.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ChangedNodeItem({ node }: { node: ChangedNode }) {
  return (
    <li data-testid="node-changed">
      <strong>{nodeName(node)}</strong>
      {node.typeBefore !== undefined && <span className="muted"> (was a {node.typeBefore})</span>}
      {node.parentBefore !== undefined && <span className="muted"> (moved from {node.parentBefore === null ? 'the top level' : `${node.parentBefore}’s body`})</span>}
      {node.fields.length > 0 && <FieldChanges fields={node.fields} />}
    </li>
  );
}

/** A definition diff, read top to bottom: what starts the workflow, then nodes, connections and the rest. */
export function DefinitionDiffView({ diff }: { diff: DefinitionDiff }) {
  if (diff.identical) return <p className="muted">The nodes, connections and settings are the same.</p>;
  const { nodes, edges, trigger } = diff;
  return (
    <div className={styles.diff} data-testid="definition-diff">
      {trigger && (
        <section aria-label="Trigger">
          <h4>Trigger</h4>
          <p>
            Starts on <code>{shown(trigger.before?.event)}</code>
            {trigger.before?.filter !== undefined && <> when <code>{shown(trigger.before.filter)}</code></>} → now on <code>{shown(trigger.after?.event)}</code>
            {trigger.after?.filter !== undefined && <> when <code>{shown(trigger.after.filter)}</code></>}
          </p>
        </section>
      )}
      {nodes.added.length > 0 && (
        <section aria-label="Nodes added">
          <h4>Nodes added ({nodes.added.length})</h4>
          <ul className={styles.added}>
            {nodes.added.map((node) => (
              <li key={node.id} data-testid="node-added">
                + {nodeName(node)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {nodes.removed.length > 0 && (
        <section aria-label="Nodes removed">
          <h4>Nodes removed ({nodes.removed.length})</h4>
          <ul className={styles.removed}>
            {nodes.removed.map((node) => (
              <li key={node.id} data-testid="node-removed">
                − {nodeName(node)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {nodes.changed.length > 0 && (
        <section aria-label="Nodes changed">
          <h4>Nodes changed ({nodes.changed.length})</h4>
          <ul className={styles.changed}>
            {nodes.changed.map((node) => (
              <ChangedNodeItem key={node.id} node={node} />
            ))}
          </ul>
        </section>
      )}
      {edges.added.length + edges.removed.length > 0 && (
        <section aria-label="Connections">
          <h4>Connections</h4>
          <ul className={styles.edges}>
            {edges.added.map((edge) => (
              <li key={`+${edgeName(edge)}`} className={styles.plus}>
                + {edgeName(edge)}
              </li>
            ))}
            {edges.removed.map((edge) => (
              <li key={`-${edgeName(edge)}`} className={styles.minus}>
                − {edgeName(edge)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {diff.definition.length > 0 && (
        <section aria-label="Workflow settings">
          <h4>Name, description and variables</h4>
          <FieldChanges fields={diff.definition} />
        </section>
      )}
    </div>
  );
}
