import { z } from 'zod';
import { assignee, duration, identifier, uniqueBy } from '../definition/fields';
import { ERROR_PORT } from '../definition/port-names';
import { field } from './output-field';
import { defineNode, nodeSchema, text } from './define-node';
import { mappingExpressions } from './node-expressions';

/** A field of an approval's decision form: what the approver fills in besides approve or reject. */
export const approvalFormFieldSchema = z
  .strictObject({
    name: identifier,
    label: z.string().min(1),
    type: z.enum(['text', 'number', 'boolean', 'date', 'select']),
    required: z.boolean().optional(),
    options: z.array(z.string().min(1)).min(1).optional(),
  })
  .refine((field) => (field.type === 'select') === (field.options !== undefined), {
    message: 'A select field lists its options; other fields have none',
    path: ['options'],
  });
export type ApprovalFormField = z.output<typeof approvalFormFieldSchema>;

const FORM_FIELD_TYPES = { text: 'string', number: 'number', boolean: 'boolean', date: 'string', select: 'string' } as const;

/** A decision as `steps.<id>.output` holds it: the outcome, who decided, and the form they filled in. */
function decisionFields(form: readonly ApprovalFormField[]) {
  return [
    field('outcome', 'string', 'How the approval ended', { enum: ['approved', 'rejected', 'timeout'] }),
    field('decidedBy', 'string', 'Who decided (absent after a timeout)'),
    field('comment', 'string', 'The approver’s comment', { optional: true }),
    field('data', 'object', 'The decision form as filled in (absent after a timeout)'),
    ...form.map((entry) =>
      field(`data.${entry.name}`, FORM_FIELD_TYPES[entry.type], entry.label, {
        optional: entry.required !== true,
        ...(entry.options ? { enum: entry.options } : {}),
        ...(entry.type === 'date' ? { format: 'date' } : {}),
      }),
    ),
  ];
}

/** Asks people to decide, with a form; escalates to others after a while; times out. */
export const approval = defineNode({
  type: 'approval',
  schema: nodeSchema('approval', {
    title: z.string().min(1),
    assignees: z.array(assignee).min(1),
    formFields: z.array(approvalFormFieldSchema).refine(uniqueBy((f: { name: string }) => f.name), 'Each form field needs a name of its own').optional(),
    timeout: duration,
    escalation: z.strictObject({ after: duration, assignees: z.array(assignee).min(1) }).optional(),
  }),
  ports: ['approved', 'rejected', 'timeout', ERROR_PORT],
  requiredPorts: ['approved', 'rejected'],
  expressions: (node) => [
    ...mappingExpressions(['assignees'], node.assignees),
    ...(node.escalation ? mappingExpressions(['escalation', 'assignees'], node.escalation.assignees) : []),
  ],
  outputFields: (node) => ({ fields: decisionFields(node.formFields ?? []), what: `the decision of approval "${node.title}"` }),
  designer: {
    label: 'Approval',
    hint: 'Asks people to decide',
    ownTimeout: 'Leads to the timeout port when nobody decides within this time.',
    summary: (node) => text(node.title) || 'untitled',
    initialFields: () => ({ title: 'Approve?', assignees: ['admins'], timeout: 'P3D' }),
  },
});
