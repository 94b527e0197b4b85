import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { choice, count, entityId, flag, label, orNull, tenantId, text, timestamp } from '../../fields';

export const complianceViolationDetected = defineEvent({
  type: 'compliance.violation_detected',
  displayName: 'Compliance Violation Detected',
  description: 'The compliance engine found a violation. Severity HIGH or above triggers a CAPA assessment.',
  category: 'Compliance',
  domain: 'work-orders',
  payload: z.object({
    tenantId: tenantId(),
    violationId: entityId('Violation that was detected'),
    workOrderId: orNull(entityId('Work order involved; null for system-level violations')),
    regulation: choice(['FDA_21_CFR_11', 'HIPAA', 'SOC2', 'GDPR'], 'Regulation that was violated'),
    requirement: label('Clause of the regulation, e.g. §11.10(e)'),
    severity: choice(['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'], 'Severity of the violation'),
    description: text('What was found'),
    recommendedAction: text('What should be done about it'),
    autoRemediable: flag('Whether an agent may remediate it automatically'),
  }),
  example: {
    tenantId: 'acme-biologics',
    violationId: '0195f2c0-7777-7a00-8000-0000000000f1',
    workOrderId: '0195f2a4-7c1e-7b3a-9d42-6e8f1a2b3c4d',
    regulation: 'FDA_21_CFR_11',
    requirement: '§11.10(e)',
    severity: 'HIGH',
    description: 'Status change recorded without a reason on a regulatory work order.',
    recommendedAction: 'Obtain and record the reason from the operator; review guard configuration.',
    autoRemediable: false,
  },
});

export const complianceAuditTrailIntegrityCheck = defineEvent({
  type: 'compliance.audit_trail_integrity_check',
  displayName: 'Audit Trail Integrity Check',
  description: 'The audit trail hash chain was verified. A broken chain (chainIntact false) is a P0 incident.',
  category: 'Compliance',
  domain: 'work-orders',
  payload: z.object({
    tenantId: tenantId(),
    checkId: entityId('Integrity check run'),
    scope: choice(['FULL', 'INCREMENTAL'], 'Whether the whole chain or only new entries were verified'),
    entriesVerified: count('Audit entries verified'),
    chainIntact: flag('Whether every link of the hash chain matched'),
    brokenLinks: z
      .array(
        z.object({
          entryId: entityId('Audit entry whose link is broken'),
          expectedHash: label('Hash the chain expects'),
          actualHash: label('Hash found on the entry'),
        }),
      )
      .describe('Links of the chain that did not match'),
    verifiedAt: timestamp('When the check finished'),
  }),
  example: {
    tenantId: 'acme-biologics',
    checkId: '0195f2c1-0101-7b00-8000-000000000c01',
    scope: 'INCREMENTAL',
    entriesVerified: 1842,
    chainIntact: true,
    brokenLinks: [],
    verifiedAt: '2026-03-11T02:00:12Z',
  },
});

export const complianceSignatureVerified = defineEvent({
  type: 'compliance.signature_verified',
  displayName: 'Signature Verified',
  description: 'An electronic signature on a work order was verified.',
  category: 'Compliance',
  domain: 'work-orders',
  payload: z.object({
    tenantId: tenantId(),
    signatureId: entityId('Signature that was verified'),
    workOrderId: entityId('Work order the signature is on'),
    signerId: entityId('User who signed'),
    verificationResult: choice(['VALID', 'INVALID', 'EXPIRED_KEY'], 'Outcome of the verification'),
    hashMatch: flag('Whether the signed record hash matches the record'),
    certificateValid: flag('Whether the signing certificate was valid'),
  }),
  example: {
    tenantId: 'acme-biologics',
    signatureId: '0195f2b1-5e5e-7f00-9000-0000000000e5',
    workOrderId: '0195f2a4-7c1e-7b3a-9d42-6e8f1a2b3c4d',
    signerId: 'u-1207',
    verificationResult: 'VALID',
    hashMatch: true,
    certificateValid: true,
  },
});

export const compliancePhiDetected = defineEvent({
  type: 'compliance.phi_detected',
  displayName: 'PHI Detected',
  description: 'Protected health information was detected in a record field and blocked or flagged for review.',
  category: 'Compliance',
  domain: 'work-orders',
  payload: z.object({
    tenantId: tenantId(),
    detectionId: entityId('Detection that was made'),
    entityType: label('Kind of record the PHI was found in, e.g. work_order'),
    entityId: entityId('Record the PHI was found in'),
    fieldPath: label('Path of the field, e.g. description or metadata.notes'),
    confidence: z.number().min(0).max(1).describe('Detector confidence, 0.0–1.0'),
    phiType: choice(['NAME', 'MRN', 'DOB', 'SSN', 'ADDRESS', 'PHONE', 'EMAIL', 'OTHER'], 'Kind of PHI found'),
    action: choice(['BLOCKED', 'FLAGGED_FOR_REVIEW'], 'What was done with the write'),
  }),
  example: {
    tenantId: 'acme-biologics',
    detectionId: '0195f2c2-4242-7c00-8000-000000000d42',
    entityType: 'work_order',
    entityId: '0195f2a4-7c1e-7b3a-9d42-6e8f1a2b3c4d',
    fieldPath: 'metadata.notes',
    confidence: 0.93,
    phiType: 'MRN',
    action: 'FLAGGED_FOR_REVIEW',
  },
});
