import { z } from 'zod';
import { mappingObjectSchema } from '../definition/mapping';
import { DEFAULT_PORT, ERROR_PORT } from '../definition/port-names';
import { defineNode, nodeSchema, text } from './define-node';
import { mappingExpressions } from './node-expressions';

/** Runs a pinned version of another workflow as a child run, with the mapped input as its variables. */
export const subWorkflow = defineNode({
  type: 'subWorkflow',
  schema: nodeSchema('subWorkflow', {
    workflow: z.string().min(1, 'A workflow id is required'),
    version: z.number().int().min(1).describe('Pinned: later publishes of the sub-workflow do not change this run'),
    input: mappingObjectSchema,
  }),
  ports: [DEFAULT_PORT, ERROR_PORT],
  expressions: (node) => mappingExpressions(['input'], node.input),
  checkCatalog: (node, { catalog, problem, mapping }) => {
    // Without a workflow lookup (the browser may not know them), references are not checked.
    if (!catalog.getWorkflow) return [];
    const workflow = catalog.getWorkflow(node.workflow, node.version);
    if (!workflow) return [problem('unknown-workflow', `Workflow "${node.workflow}" has no published version ${node.version}`, 'workflow')];
    return workflow.validateInput ? mapping('input', node.input, workflow.validateInput, `The input of workflow ${node.workflow}`) : [];
  },
  designer: {
    label: 'Sub-workflow',
    hint: 'Runs a pinned workflow version',
    summary: (node) => (node.workflow ? `${text(node.workflow)} v${String(node.version ?? '?')}` : 'no workflow chosen'),
    initialFields: () => ({ workflow: '', version: 1, input: {} }),
  },
});
