import { z } from 'zod';
import { expression, identifier, uniqueBy } from '../definition/fields';
import { ERROR_PORT } from '../definition/port-names';
import { defineNode, nodeSchema } from './define-node';
import { expressionField } from './node-expressions';

/** Ports a switch may not name, because every node type already has them or the switch owns them. */
const RESERVED_CASE_PORTS = new Set(['default', ERROR_PORT]);

const switchCase = z.strictObject({ port: identifier, expression });

/** Takes the port of the first case whose expression is truthy, or `default`. */
export const switchNode = defineNode({
  type: 'switch',
  schema: nodeSchema('switch', {
    cases: z
      .array(switchCase)
      .min(1)
      .refine(uniqueBy((c: { port: string }) => c.port), 'Each case needs a port name of its own')
      .refine((cases) => cases.every((c) => !RESERVED_CASE_PORTS.has(c.port)), 'Case ports may not be named default or error'),
  }),
  ports: ['default', ERROR_PORT],
  casePorts: (node) => node.cases.map((c) => c.port),
  expressions: (node) => node.cases.flatMap((c, index) => expressionField(`cases[${index}].expression`, c.expression)),
  outputFields: (node) => ({ fields: [], type: 'string', enum: [...node.cases.map((c) => c.port), 'default'], what: 'the output of a switch' }),
  designer: {
    label: 'Switch',
    hint: 'One branch per matching case',
    examples: { 'cases[].expression': 'event.data.priority = "P1"' },
    summary: (node) => `${Array.isArray(node.cases) ? node.cases.length : 0} case(s) and default`,
    initialFields: () => ({ cases: [{ port: 'case_1', expression: 'true' }] }),
  },
});
