import { z } from 'zod';
import { identifier } from '../definition/fields';
import { mappingSchema } from '../definition/mapping';
import { DEFAULT_PORT, ERROR_PORT } from '../definition/port-names';
import { field } from './output-field';
import { isExpressionLeaf } from '../definition/mapping-values';
import { jsonTypeOf } from './json-type';
import { defineNode, keysOf, nodeSchema } from './define-node';
import { mappingExpressions } from './node-expressions';

/** Assigns run variables, which later expressions read as `vars.<name>`. */
export const setVariables = defineNode({
  type: 'setVariables',
  schema: nodeSchema('setVariables', { assign: z.record(identifier, mappingSchema) }),
  ports: [DEFAULT_PORT, ERROR_PORT],
  expressions: (node) => mappingExpressions(['assign'], node.assign),
  assigns: (node) => Object.keys(node.assign),
  // The values assigned; an expression's type is known only where it is evaluated.
  outputFields: (node) => ({
    fields: Object.entries(node.assign).map(([name, value]) => field(name, isExpressionLeaf(value) ? 'unknown' : jsonTypeOf(value), `vars.${name} as assigned here`)),
    what: 'the output of a setVariables',
  }),
  designer: {
    label: 'Set variables',
    hint: 'Assigns run variables',
    summary: (node) => keysOf(node.assign).join(', ') || 'nothing assigned',
    initialFields: () => ({ assign: {} }),
  },
});
