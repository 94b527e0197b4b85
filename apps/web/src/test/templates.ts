import { mintOperatorApiKey } from '@cascade/db';
import { db } from '@/server/services';

/** Fixtures of the template route tests: a template with three parameters, and an operator's key. */

export type Problem = { detail: string; errors: Array<{ path: string; message: string; expected?: string; nodeId?: string; code?: string }> };

export const scopes = ['templates:write', 'workflows:read', 'workflows:write'] as const;

export const parameterSchema = {
  type: 'object',
  required: ['threshold'],
  properties: {
    eventType: { type: 'string', examples: ['INVOICE_OVERDUE'], default: 'INVOICE_OVERDUE' },
    threshold: { type: 'integer', minimum: 1, examples: [30] },
    message: { type: 'string', minLength: 1, default: 'An invoice is overdue' },
  },
};

export const definition = {
  schemaVersion: 1,
  name: 'Log overdue invoices',
  variables: { threshold: { $param: 'threshold' } },
  nodes: [
    { id: 'start', type: 'trigger', event: { $param: 'eventType' } },
    { id: 'note', type: 'action', action: 'core.log', input: { message: { $param: 'message' }, fields: { threshold: { $param: 'threshold' } } } },
    { id: 'done', type: 'end' },
  ],
  edges: [
    { id: 'e1', from: 'start', to: 'note' },
    { id: 'e2', from: 'note', to: 'done' },
  ],
};

export const unique = () => Math.random().toString(36).slice(2, 10);
export const template = (overrides: Record<string, unknown> = {}) => ({
  key: `overdue-${unique()}`,
  name: 'Overdue invoices',
  description: 'Logs every overdue invoice past a threshold',
  category: 'Billing',
  tags: ['invoices'],
  parameterSchema,
  definition,
  ...overrides,
});

export async function operatorKey(tenantId: string) {
  const { slug } = await db().tenant.findUniqueOrThrow({ where: { id: tenantId } });
  return (await mintOperatorApiKey(db(), { tenant: slug, name: 'Platform', scopes: [...scopes], platformOperator: true })).key;
}

