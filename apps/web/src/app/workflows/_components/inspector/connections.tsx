'use client';

import type { Problem } from '@cascade/workflow';
import { bodyPortOfNode, graphOf } from '@/designer/bodies';
import { bodyOf, type DraftNode } from '@/designer/draft';
import { connect, connectionProblem, removeEdges } from '@/designer/edit';
import { canvasPortsOf, portFansOut, portOf } from '@/designer/ports';
import { problemsAt } from '@/designer/problems';
import { useDesigner } from '../designer-context';
import styles from '../designer.module.css';

/**
 * Where each port of the node leads, as selects: the keyboard's way to draw the edges a mouse drags
 * between handles, and a plain list of them for a screen reader.
 */
export function Connections({ node, problems }: { node: DraftNode; problems: readonly Problem[] }) {
  const { definition, dispatch, readOnly } = useDesigner();
  // A node's edges are among the steps of its own graph; its body's entry port leads to the body's steps.
  const graph = graphOf(definition, node.id) ?? definition;
  const entry = bodyPortOfNode(node);
  const body = bodyOf(node);
  const graphOfPort = (port: string) => (port === entry && body ? body : graph);
  const ports = [...(entry && body ? [entry] : []), ...canvasPortsOf(node)];
  if (ports.length === 0) return null;
  const targetsOf = (port: string) => graphOfPort(port).nodes.filter((other) => !connectionProblem(definition, { from: node.id, port, to: other.id }));
  const lead = (port: string, to: string, replacing?: string) =>
    dispatch({
      type: 'edit',
      apply: (d) => {
        const without = replacing ? removeEdges(d, [replacing]) : d;
        return to ? connect(without, { from: node.id, port, to }) : without;
      },
    });

  const select = (port: string, value: string, label: string, replacing?: string) => (
    <select aria-label={label} value={value} disabled={readOnly} onChange={(e) => lead(port, e.target.value, replacing)} data-testid={`connect-${node.id}-${port}`}>
      <option value="">{replacing ? 'nowhere (remove)' : 'nowhere'}</option>
      {targetsOf(port).map((target) => (
        <option key={target.id} value={target.id}>{target.id}{target.label ? ` (${target.label})` : ''}</option>
      ))}
    </select>
  );

  return (
    <fieldset className={styles.group}>
      <legend>Connections</legend>
      {ports.map((port) => {
        const edges = graphOfPort(port).edges.filter((edge) => edge.from === node.id && portOf(edge) === port);
        const portProblems = problemsAt([...problems], `ports.${port}`);
        return (
          <div key={port} className={styles.connection}>
            <span className={styles.portName}>{port} →</span>
            {portFansOut(node) ? (
              <>
                {edges.map((edge) => <span key={edge.id}>{select(port, edge.to, `${port} branch to ${edge.to}`, edge.id)}</span>)}
                {select(port, '', `${port}: add a branch`)}
              </>
            ) : (
              select(port, edges[0]?.to ?? '', `${port} leads to`, edges[0]?.id)
            )}
            {portProblems.map((p, i) => <p key={i} className={styles.fieldProblem}>{p.message}</p>)}
          </div>
        );
      })}
    </fieldset>
  );
}
