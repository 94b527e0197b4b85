import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { anyValue, choice, count, decimal, entityId, label, optionalActor, orNull, tenantId } from '../../fields';

export const systemTenantProvisioned = defineEvent({
  type: 'system.tenant_provisioned',
  displayName: 'Tenant Provisioned',
  description: 'A tenant was provisioned with its compliance frameworks, data residency and tier.',
  category: 'System',
  domain: 'work-orders',
  payload: z.object({
    tenantId: tenantId('Tenant that was provisioned'),
    complianceFrameworks: z.array(label('Framework')).describe('Compliance frameworks enabled, e.g. FDA_21_CFR_11'),
    dataResidencyRegion: label('Region the tenant\'s data must stay in, e.g. eu-central-1'),
    tier: choice(['STARTER', 'PROFESSIONAL', 'ENTERPRISE'], 'Subscription tier'),
    ...optionalActor(),
  }),
  example: {
    tenantId: 'acme-biologics',
    complianceFrameworks: ['FDA_21_CFR_11', 'SOC2'],
    dataResidencyRegion: 'us-east-1',
    tier: 'ENTERPRISE',
    actorType: 'SYSTEM',
  },
});

export const systemFeatureFlagChanged = defineEvent({
  type: 'system.feature_flag_changed',
  displayName: 'Feature Flag Changed',
  description: 'A feature flag changed, globally or for one tenant. Changes affecting regulatory functions are audited.',
  category: 'System',
  domain: 'work-orders',
  payload: z.object({
    flagId: entityId('Feature flag that changed'),
    tenantId: orNull(tenantId('Tenant the change applies to; null for a global change')),
    previousValue: anyValue('Flag value before the change'),
    newValue: anyValue('Flag value after the change'),
    changedBy: entityId('User who changed the flag'),
  }),
  example: {
    flagId: 'agent-auto-remediation',
    tenantId: 'acme-biologics',
    previousValue: false,
    newValue: true,
    changedBy: 'u-0042',
  },
});

export const systemBackupCompleted = defineEvent({
  type: 'system.backup_completed',
  displayName: 'Backup Completed',
  description: 'A backup finished and was verified (or failed verification).',
  category: 'System',
  domain: 'work-orders',
  payload: z.object({
    tenantId: tenantId('Tenant whose data was backed up'),
    backupId: entityId('Backup that completed'),
    type: choice(['FULL', 'WAL', 'SNAPSHOT'], 'Kind of backup'),
    sizeBytes: count('Backup size in bytes'),
    durationSeconds: decimal('How long the backup took, in seconds'),
    verificationResult: choice(['VERIFIED', 'FAILED'], 'Outcome of the restore verification'),
  }),
  example: {
    tenantId: 'acme-biologics',
    backupId: 'bk-2026-03-11T02-00Z-full',
    type: 'FULL',
    sizeBytes: 48318382080,
    durationSeconds: 1342.7,
    verificationResult: 'VERIFIED',
  },
});
