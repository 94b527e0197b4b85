// Copied verbatim from the seed document 002_e47788db6d572266.txt (see /work/shared/seeds/README.md). This file is the
// independent record of what the source lists; seed-coverage.test.ts checks the catalog against it.
// Do not edit it to match the catalog.

/** 002: the work-order catalog's TypeScript payload interfaces, body only, as the document writes them. */
export const interfaces002: Record<string, string> = {
  'work_order.created': `
    workOrderId: string;
    type: WorkOrderType;
    regulatory: boolean;
    priority: Priority;
    title: string;
    assetId: string | null;
    masterId: string | null;
    dependsOn: string[];
    scheduledStart: string | null;
    scheduledEnd: string | null;
  `,
  'work_order.status_changed': `
    workOrderId: string;
    previousStatus: WorkOrderStatus;
    newStatus: WorkOrderStatus;
    reason: string | null; // Required if regulatory
    guardsEvaluated: string[]; // Guard names that passed
    guardsFailed: string[]; // Empty if transition succeeded
    version: number; // Post-transition version
  `,
  'work_order.updated': `
    workOrderId: string;
    changedFields: Array<{
    field: string;
    previousValue: any;
    newValue: any;
    }>;
    version: number;
  `,
  'work_order.blocked': `
    workOrderId: string;
    masterId: string | null;
    blockReason: string;
    blockedBy: string[]; // Dependency WO IDs if dependency-blocked
    estimatedUnblockDate: string | null;
  `,
  'work_order.completed': `
    workOrderId: string;
    masterId: string | null;
    completedAt: string;
    actualDurationHours: number;
    estimatedDurationHours: number;
    variancePercent: number;
  `,
  'work_order.closed': `
    workOrderId: string;
    closedAt: string;
    totalDurationHours: number;
    approvalCount: number;
    linkedWOCount: number;
    complianceSummary: {
    auditEntries: number;
    signatures: number;
    deviations: number;
    capaRequired: boolean;
    };
  `,
  'approval.requested': `
    approvalId: string;
    workOrderId: string;
    approverId: string;
    role: ApprovalRole;
    dueDate: string;
    escalationDate: string | null;
  `,
  'approval.decision_submitted': `
    approvalId: string;
    workOrderId: string;
    approverId: string;
    decision: "APPROVED" | "REJECTED" | "RETURNED_FOR_REVISION";
    comments: string | null;
    signatureId: string | null; // Present for regulatory WOs
    signatureVerified: boolean;
  `,
  'approval.escalated': `
    approvalId: string;
    workOrderId: string;
    originalApproverId: string;
    escalatedToId: string;
    reason: "OVERDUE" | "DELEGATION" | "RISK_ESCALATION";
    originalDueDate: string;
  `,
  'compliance.violation_detected': `
    violationId: string;
    workOrderId: string | null;
    regulation: "FDA_21_CFR_11" | "HIPAA" | "SOC2" | "GDPR";
    requirement: string; // e.g., "§11.10(e)"
    severity: "LOW" | "MEDIUM" | "HIGH" | "CRITICAL";
    description: string;
    recommendedAction: string;
    autoRemediable: boolean;
  `,
  'compliance.audit_trail_integrity_check': `
    checkId: string;
    scope: "FULL" | "INCREMENTAL";
    entriesVerified: number;
    chainIntact: boolean;
    brokenLinks: Array<{
    entryId: string;
    expectedHash: string;
    actualHash: string;
    }>;
    verifiedAt: string;
  `,
  'compliance.signature_verified': `
    signatureId: string;
    workOrderId: string;
    signerId: string;
    verificationResult: "VALID" | "INVALID" | "EXPIRED_KEY";
    hashMatch: boolean;
    certificateValid: boolean;
  `,
  'compliance.phi_detected': `
    detectionId: string;
    entityType: string;
    entityId: string;
    fieldPath: string; // e.g., "description", "metadata.notes"
    confidence: number; // 0.0–1.0
    phiType: "NAME" | "MRN" | "DOB" | "SSN" | "ADDRESS" | "PHONE" | "EMAIL" | "OTHER";
    action: "BLOCKED" | "FLAGGED_FOR_REVIEW";
  `,
  'agent.task_dispatched': `
    taskId: string;
    workOrderId: string;
    agentNode: string; // Per 25-agent-orchestration-spec.md
    modelAssignment: string; // "haiku" | "sonnet" | "opus"
    tokenBudget: number;
    pattern: "CHAIN" | "ROUTE" | "PARALLEL" | "ORCH_WORKERS" | "EVAL_OPT";
  `,
  'agent.task_completed': `
    taskId: string;
    workOrderId: string;
    agentNode: string;
    tokensConsumed: number;
    durationMs: number;
    result: "SUCCESS" | "PARTIAL" | "FAILED";
    outputSummary: string;
  `,
  'agent.circuit_breaker_state_changed': `
    agentNode: string;
    previousState: "CLOSED" | "OPEN" | "HALF_OPEN";
    newState: "CLOSED" | "OPEN" | "HALF_OPEN";
    failureCount: number;
    lastFailureReason: string;
  `,
  'agent.checkpoint_reached': `
    taskId: string;
    workOrderId: string;
    checkpointType: "ARCHITECTURE_DECISION" | "COMPLIANCE_GATE" | "SECURITY_FINDING" | "BLOCKER";
    description: string;
    requiresHumanApproval: boolean;
    context: Record<string, any>;
  `,
  'resource.assigned': `
    workOrderId: string;
    resourceType: "PERSON" | "TEAM" | "VENDOR";
    resourceId: string;
    role: "ASSIGNEE" | "VENDOR";
    scheduledStart: string;
    scheduledEnd: string;
  `,
  'resource.certification_expiring': `
    personId: string;
    experienceId: string;
    expirationDate: string;
    daysUntilExpiry: number;
    affectedWorkOrders: string[];
  `,
  'resource.tool_calibration_due': `
    toolId: string;
    calibrationDueDate: string;
    daysUntilDue: number;
    affectedWorkOrders: string[];
    autoGenerateWO: boolean;
  `,
  'system.tenant_provisioned': `
    tenantId: string;
    complianceFrameworks: string[];
    dataResidencyRegion: string;
    tier: "STARTER" | "PROFESSIONAL" | "ENTERPRISE";
  `,
  'system.feature_flag_changed': `
    flagId: string;
    tenantId: string | null; // null = global
    previousValue: any;
    newValue: any;
    changedBy: string;
  `,
  'system.backup_completed': `
    backupId: string;
    type: "FULL" | "WAL" | "SNAPSHOT";
    sizeBytes: number;
    durationSeconds: number;
    verificationResult: "VERIFIED" | "FAILED";
  `,
};
