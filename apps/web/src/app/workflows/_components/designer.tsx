'use client';

import '@xyflow/react/dist/style.css';
import type { Problem } from '@cascade/workflow';
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useMemo, useReducer, useState } from 'react';
import { useLeaveWarning } from '@/components/use-leave-warning';
import { createBrowserCatalog, type CustomEventFields, type PublishedWorkflow, type RemoteActionOption } from '@/designer/browser-catalog';
import { readDraft } from '@/designer/draft';
import { errorsFirst, problemLabel, problemsByNode } from '@/designer/problems';
import { designerReducer, hasUnsavedChanges, initialDesignerState } from '@/designer/store';
import type { EventOption } from '../_server/workflow-pages';
import type { TemplateOrigin, WorkflowInfo } from './api';
import { Canvas } from './canvas';
import { DesignerContext } from './designer-context';
import styles from './designer.module.css';
import { EditingBar } from './editing/editing-bar';
import { ShortcutSheet } from './editing/shortcut-sheet';
import { Inspector } from './inspector/inspector';
import { Palette } from './palette';
import { TemplateUpgradeBanner } from './template-upgrade/template-upgrade-banner';
import { NodeTestContext } from './test-run/node-test-context';
import type { TestScope } from './test-run/test-run-api';
import { TestRunPanel } from './test-run/test-run-panel';
import { ProblemsPanel } from './problems-panel';
import { Toolbar } from './toolbar';
import { useEditingShortcuts } from './use-editing-shortcuts';
import { useValidation } from './use-validation';
import { useWorkflowApi } from './use-workflow-api';
import { VersionsPanel } from './versions-panel';

export interface DesignerProps {
  workflow: WorkflowInfo;
  /** The stored draft, as saved: any JSON object. */
  draft: unknown;
  events: EventOption[];
  customEvents: CustomEventFields[];
  workflows: PublishedWorkflow[];
  remoteActions: RemoteActionOption[];
  readOnly: boolean;
  /** The template the workflow was made from; null when it was drawn by hand. */
  template?: TemplateOrigin | null;
}

/** The workflow designer: palette, canvas and inspector over one definition, validated as it is drawn. */
export function Designer(props: DesignerProps) {
  // The provider lets the keyboard shortcuts outside the canvas place pasted nodes in its coordinates.
  return (
    <ReactFlowProvider>
      <DesignerWorkspace {...props} />
    </ReactFlowProvider>
  );
}

function DesignerWorkspace({ workflow, draft, events, customEvents, workflows, remoteActions, readOnly, template = null }: DesignerProps) {
  const [{ definition: initial, dropped }] = useState(() => readDraft(draft, workflow.name));
  const [state, dispatch] = useReducer(designerReducer, initial, initialDesignerState);
  const catalog = useMemo(() => createBrowserCatalog({ customEvents, workflows, remoteActions }), [customEvents, workflows, remoteActions]);
  const { problems, checking } = useValidation(state.definition, catalog);
  const byNode = useMemo(
    () => problemsByNode(errorsFirst(withRefused(problems, state.serverProblems)), state.definition, new Set(state.collapsedBodies)),
    [problems, state.serverProblems, state.definition, state.collapsedBodies],
  );
  // Comparing with what was saved serialises the whole workflow: once per edit, not on every selection.
  const dirty = useMemo(() => hasUnsavedChanges(state), [state.definition, state.savedJson]);
  const api = useWorkflowApi(workflow, state, dirty, dispatch);
  useLeaveWarning(dirty);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  // The test panel: closed, open on the whole draft, or open on part of it (from a node's inspector).
  const [testing, setTesting] = useState<{ scope?: TestScope } | false>(false);
  const nodeTest = useMemo(() => ({ workflowId: workflow.id, openScopedTest: (scope: TestScope) => setTesting({ scope }) }), [workflow.id]);
  const save = () => {
    if (dirty) void api.save();
  };
  const [notice, setNotice] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (notice === undefined) return;
    const clear = setTimeout(() => setNotice(undefined), NOTICE_MS);
    return () => clearTimeout(clear);
  }, [notice]);
  useEditingShortcuts({ state, dispatch, readOnly, onSave: save, onShowShortcuts: () => setShortcutsOpen(true), onNotice: setNotice });

  const context = useMemo(
    () => ({ definition: state.definition, dispatch, catalog, events, workflows, remoteActions, readOnly }),
    [state.definition, catalog, events, workflows, remoteActions, readOnly],
  );
  return (
    <DesignerContext value={context}>
      <div className={styles.designer}>
        <Toolbar
          name={state.definition.name}
          dirty={dirty}
          enabled={api.enabled}
          latestVersion={api.versions?.[0]?.version ?? workflow.latestVersion}
          status={api.status}
          readOnly={readOnly}
          onSave={save}
          onPublish={() => void api.publish()}
          onToggleEnabled={() => void api.toggleEnabled()}
          onTestRun={() => setTesting({})}
        />
        <EditingBar state={state} dispatch={dispatch} readOnly={readOnly} onShowShortcuts={() => setShortcutsOpen(true)} />
        <ShortcutSheet open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
        <TemplateUpgradeBanner
          workflowId={workflow.id}
          origin={template}
          dirty={dirty}
          readOnly={readOnly}
          onUpgraded={(upgraded) => dispatch({ type: 'replaced', definition: readDraft(upgraded.draft, workflow.name).definition })}
        />
        {readOnly && <p role="note" className="muted">You can view this workflow; only admins and editors change it.</p>}
        {dropped > 0 && (
          <p role="alert" className="error">
            {dropped} node(s) or edge(s) of the stored draft have no id (or no ends) and are not shown; saving leaves them out.
          </p>
        )}
        <div className={styles.workspace}>
          <Palette selectedNodeId={state.selectedNodeId} />
          <Canvas selectedNodeIds={state.selectedNodeIds} selectedEdgeIds={state.selectedEdgeIds} problemsByNode={byNode} collapsedBodies={state.collapsedBodies} />
          <NodeTestContext value={nodeTest}>
            <Inspector selectedNodeId={state.selectedNodeId} problemsByNode={byNode} />
          </NodeTestContext>
        </div>
        {notice && (
          <p role="status" className={styles.notice} data-testid="designer-notice">
            {notice}
          </p>
        )}
        {testing && <TestRunPanel key={JSON.stringify(testing)} workflowId={workflow.id} scope={testing.scope} ensureSaved={async () => !dirty || api.save()} onClose={() => setTesting(false)} />}
        <div className={styles.panels}>
          <ProblemsPanel problems={problems} checking={checking} refused={state.serverProblems} onSelect={(id) => dispatch({ type: 'selectNode', id })} />
          <VersionsPanel versions={api.versions} />
        </div>
      </div>
    </DesignerContext>
  );
}

/** How long a passing notice stays: long enough to read two lines. */
const NOTICE_MS = 6_000;

/** The refused publish's problems that the browser's validator does not also report. */
function withRefused(problems: readonly Problem[], refused: readonly Problem[]): Problem[] {
  const known = new Set(problems.map(problemLabel));
  return [...problems, ...refused.filter((problem) => !known.has(problemLabel(problem)))];
}
