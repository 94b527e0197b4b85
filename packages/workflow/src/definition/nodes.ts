import { z } from 'zod';
import { assignee, businessHoursSchema, commonNodeFields, duration, eventType, eventVersion, expression, identifier } from './fields';
import { mappingObjectSchema, mappingSchema } from './mapping';

/** One node type's schema: the common fields, its `type` literal and its own fields. */
function nodeType<const Type extends string, Shape extends z.ZodRawShape>(type: Type, shape: Shape) {
  // A node type's own field replaces a common one of the same name (waitForEvent's required timeout).
  type Fields = Omit<typeof commonNodeFields, keyof Shape> & { type: z.ZodLiteral<Type> } & Shape;
  return z.strictObject({ ...commonNodeFields, type: z.literal(type), ...shape } as Fields);
}

/** Ports a switch may not name, because every node type already has them or the switch owns them. */
const RESERVED_CASE_PORTS = new Set(['default', 'error']);

const switchCase = z.strictObject({ port: identifier, expression });

const formField = z
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

const uniqueBy = <Item>(key: (item: Item) => string) => (items: Item[]) => new Set(items.map(key)).size === items.length;

/**
 * Schemas of the node types whose fields are all their own. A forEach body holds nodes itself, so
 * its schema lives in workflow.ts next to the sub-flow schema.
 */
export const leafNodeSchemas = {
  trigger: nodeType('trigger', { event: eventType, filter: expression.optional() }),
  action: nodeType('action', { action: z.string().min(1, 'An action id is required'), input: mappingObjectSchema }),
  condition: nodeType('condition', { expression }),
  switch: nodeType('switch', {
    cases: z
      .array(switchCase)
      .min(1)
      .refine(uniqueBy((c: { port: string }) => c.port), 'Each case needs a port name of its own')
      .refine((cases) => cases.every((c) => !RESERVED_CASE_PORTS.has(c.port)), 'Case ports may not be named default or error'),
  }),
  parallel: nodeType('parallel', {}),
  join: nodeType('join', { mode: z.enum(['all', 'any']) }),
  delay: nodeType('delay', {
    duration: duration.optional(),
    until: expression.optional().describe('Expression giving the ISO 8601 instant to wait for'),
    calendar: businessHoursSchema.optional(),
  }).refine((node) => (node.duration === undefined) !== (node.until === undefined), {
    message: 'A delay has either a duration or an until expression',
    path: ['duration'],
  }),
  waitForEvent: nodeType('waitForEvent', {
    event: eventType,
    /** `correlation.event` on the awaited event must equal `correlation.run` on this run. */
    correlation: z.strictObject({ event: expression, run: expression }),
    filter: expression.optional(),
    timeout: duration,
  }),
  approval: nodeType('approval', {
    title: z.string().min(1),
    assignees: z.array(assignee).min(1),
    formFields: z.array(formField).refine(uniqueBy((f: { name: string }) => f.name), 'Each form field needs a name of its own').optional(),
    timeout: duration,
    escalation: z.strictObject({ after: duration, assignees: z.array(assignee).min(1) }).optional(),
  }),
  emit: nodeType('emit', {
    event: eventType,
    /** Pinned at publish to the latest version when absent; definitions published before it emit version 1. */
    version: eventVersion.optional(),
    data: mappingObjectSchema,
  }),
  setVariables: nodeType('setVariables', { assign: z.record(identifier, mappingSchema) }),
  subWorkflow: nodeType('subWorkflow', {
    workflow: z.string().min(1, 'A workflow id is required'),
    version: z.number().int().min(1).describe('Pinned: later publishes of the sub-workflow do not change this run'),
    input: mappingObjectSchema,
  }),
  end: nodeType('end', {}),
  fail: nodeType('fail', { message: expression }),
};

/** The forEach fields other than its body. */
export const forEachFields = {
  items: expression,
  concurrency: z.number().int().min(1).max(100),
};

export function forEachNodeSchema<Body extends z.ZodType>(body: Body) {
  return nodeType('forEach', { ...forEachFields, body });
}
