import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { entityId, label, tenantId } from '../../fields';

export const auditRecordCreated = defineEvent({
  type: 'audit.record.created',
  displayName: 'Audit Record Created',
  description: 'The Audit Service wrote an audit record (forwarded to SIEM integrations; kept 30 days).',
  category: 'Compliance',
  domain: 'platform',
  payload: z.object({
    tenantId: tenantId(),
    auditId: entityId('Audit record that was written'),
    action: label('Audited action, usually an event type such as auth.user.logged_in'),
    userId: entityId('User who performed the action'),
  }),
  example: {
    tenantId: '01j9p3kz5f00000000000000',
    auditId: '01j9paaud800000000000000',
    action: 'auth.user.logged_in',
    userId: '01j9pa5mz700000000000000',
  },
});
