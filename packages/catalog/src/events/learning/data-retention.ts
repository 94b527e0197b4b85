import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { count, entityId, entityIds, flag, label, positiveInteger, tenantId, timestamp } from '../../fields';

export const dataRetentionPolicyEnforced = defineEvent({
  type: 'data_retention.policy_enforced',
  displayName: 'Retention Policy Enforced',
  description: 'A data retention policy ran, deleting (or, in a dry run, counting) expired records, as evidence for deletion SLAs.',
  category: 'Compliance',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    policyId: entityId('Retention policy that ran'),
    policyName: label('Retention policy name').optional(),
    resource: label('Kind of data the policy covers, e.g. chat_messages'),
    retentionDays: positiveInteger('Days records are kept before deletion'),
    rowsAffected: count('Records deleted, or that would be deleted in a dry run'),
    sampleIds: entityIds('Ids of some affected records, as evidence'),
    dryRun: flag('Whether records were only counted, not deleted'),
    triggeredByUserId: entityId('User who ran the policy by hand; absent for scheduled runs').optional(),
    enforcedAt: timestamp('When the policy ran'),
  }),
  example: {
    tenantId: 'lumen-academy',
    policyId: 'ret_chat_365',
    policyName: 'Delete community chat after one year',
    resource: 'chat_messages',
    retentionDays: 365,
    rowsAffected: 1284,
    sampleIds: ['msg_01', 'msg_02', 'msg_03'],
    dryRun: false,
    enforcedAt: '2026-03-01T03:00:00Z',
  },
});
