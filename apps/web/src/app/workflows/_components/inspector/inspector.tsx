'use client';

import type { Problem } from '@cascade/workflow';
import { findNode } from '@/designer/bodies';
import type { DraftNode } from '@/designer/draft';
import { removeNodes } from '@/designer/edit';
import { nodeTypeLabel } from '@/designer/node-types';
import { canvasPortsOf } from '@/designer/ports';
import { problemLabel } from '@/designer/problems';
import { useDesigner } from '../designer-context';
import styles from '../designer.module.css';
import { FixButton, SeverityMark, severityOf } from '../problem-fix';
import { Connections } from './connections';
import { DataPicker } from './data-picker';
import { IdentityFields } from './identity-fields';
import { NodeFields } from './node-fields';
import { PinnedData } from './pinned-data';
import { PickerTargetProvider } from './picker-target';
import { PreviewNodeProvider, PreviewSampleProvider } from './preview-sample';
import { SampleChooser } from './sample-chooser';
import { useNodeEditor } from './node-editor';
import { ReliabilityFields } from './reliability-fields';
import { WorkflowSettings } from './workflow-settings';

interface InspectorProps {
  selectedNodeId: string | undefined;
  problemsByNode: ReadonlyMap<string, Problem[]>;
}

/** The selected node's fields, or the workflow's own when nothing is selected. */
export function Inspector({ selectedNodeId, problemsByNode }: InspectorProps) {
  const { definition } = useDesigner();
  const node = selectedNodeId === undefined ? undefined : findNode(definition, selectedNodeId);
  return (
    <aside className={styles.inspector} aria-label="Inspector" data-testid="inspector">
      {/* Above the node's inspector: the chosen sample stays while the selection moves. */}
      <PreviewSampleProvider>
        {node ? (
          // Keyed by id: the text being typed into one node's fields never carries over to another's.
          <NodeInspector key={node.id} node={node} problems={problemsByNode.get(node.id) ?? []} />
        ) : (
          <WorkflowSettings />
        )}
      </PreviewSampleProvider>
    </aside>
  );
}

/** Node types with no field an expression goes into: no data picker. */
const WITHOUT_INPUTS = new Set(['parallel', 'join', 'end']);

function NodeInspector({ node, problems }: { node: DraftNode; problems: Problem[] }) {
  const { dispatch, readOnly } = useDesigner();
  const editor = useNodeEditor(node, problems);
  const runsSomething = canvasPortsOf(node).includes('error');
  return (
    <>
      <header className={styles.inspectorHeader}>
        <h2>{nodeTypeLabel(node.type)}</h2>
        <button type="button" className={styles.danger} disabled={readOnly} onClick={() => dispatch({ type: 'edit', apply: (d) => removeNodes(d, [node.id]) })}>
          Delete node
        </button>
      </header>
      <IdentityFields editor={editor} />
      {!WITHOUT_INPUTS.has(node.type) && <SampleChooser />}
      <PickerTargetProvider>
        <PreviewNodeProvider value={node.id}>
          <NodeFields editor={editor} />
        </PreviewNodeProvider>
        {!WITHOUT_INPUTS.has(node.type) && <DataPicker nodeId={node.id} />}
      </PickerTargetProvider>
      <Connections node={node} problems={problems} />
      {runsSomething && <ReliabilityFields editor={editor} />}
      <PinnedData node={node} />
      {problems.length > 0 && (
        <section aria-label="Problems of this node">
          <h3>Problems</h3>
          <ul className={styles.problemList}>
            {problems.map((problem, index) => (
              <li key={index} data-severity={severityOf(problem)}>
                <SeverityMark problem={problem} />
                {problemLabel(problem)}
                <FixButton problem={problem} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
