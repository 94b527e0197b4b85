import { z } from 'zod';
import { mappingObjectSchema } from '../definition/mapping';
import { DEFAULT_PORT, ERROR_PORT } from '../definition/port-names';
import { checkValue } from '../validate/catalog';
import { defineNode, nodeSchema, text } from './define-node';
import { mappingExpressions } from './node-expressions';

/** Calls an action of the registry (built in, or the tenant's remote action) with a mapped input. */
export const action = defineNode({
  type: 'action',
  schema: nodeSchema('action', {
    action: z.string().min(1, 'An action id is required'),
    input: mappingObjectSchema,
    repeatUncertain: z
      .boolean()
      .optional()
      .describe(
        'Act again after an attempt that may have acted but never reported back (its worker stopped, or the step timed out), even when the action is not idempotent. Off by default: such a step fails rather than risk acting twice.',
      ),
  }),
  ports: [DEFAULT_PORT, ERROR_PORT],
  expressions: (node) => mappingExpressions(['input'], node.input),
  checkCatalog: (node, { catalog, problem, mapping }) => {
    const registered = catalog.getAction(node.action);
    if (!registered) return [problem('unknown-action', `No action "${node.action}" is registered`, 'action')];
    return mapping('input', node.input, (value) => checkValue(registered.input, value), `The input of ${node.action}`);
  },
  outputFields: (node, catalog) => {
    const fields = catalog.getAction(node.action)?.outputFields;
    return fields && { fields, what: `the output of ${node.action}` };
  },
  mappingTargets: (node, catalog) => {
    const fields = catalog.getAction(node.action)?.inputFields;
    return fields ? [{ field: 'input', fields, what: `the input of ${node.action}` }] : [];
  },
  designer: {
    label: 'Action',
    hint: 'Calls an action from the registry',
    summary: (node) => text(node.action) || 'no action chosen',
    initialFields: () => ({ action: '', input: {} }),
  },
});
