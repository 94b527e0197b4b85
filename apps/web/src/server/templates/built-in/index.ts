import 'server-only';
import type { Logger } from '@cascade/logger';
import { HttpError } from '../../http/problem';
import { saveTemplate } from '../register-template';
import { projectApprovalRequest, ticketApprovalRequest } from './approval-request';
import { complianceCorrectiveAction } from './compliance-corrective-action';
import { contractRenewalReminder } from './contract-renewal-reminder';
import { integrationTokenExpiring } from './integration-token-expiring';
import { invoiceOverdueReminders } from './invoice-overdue-reminders';
import type { BuiltInTemplate } from './template-parts';
import { ticketSlaEscalation } from './ticket-sla-escalation';
import { welcomeEmail } from './welcome-email';
import { workOrderBlocked } from './work-order-blocked';

/** The headline automations of the source documents, as global templates every tenant sees. */
export const BUILT_IN_TEMPLATES: readonly BuiltInTemplate[] = [
  ticketSlaEscalation,
  invoiceOverdueReminders,
  ticketApprovalRequest,
  projectApprovalRequest,
  workOrderBlocked,
  complianceCorrectiveAction,
  welcomeEmail,
  contractRenewalReminder,
  integrationTokenExpiring,
];

/**
 * Registers the built-in templates as global templates, through the same checks and versioning
 * as `POST /api/v1/templates`: unchanged ones are left alone, changed ones get their next
 * version. Every web replica does this at start; the per-key lock makes concurrent starts safe.
 */
export async function registerBuiltInTemplates(
  logger?: Logger,
  templates: readonly BuiltInTemplate[] = BUILT_IN_TEMPLATES,
): Promise<Array<{ key: string; version: number; created: boolean }>> {
  const results = [];
  for (const template of templates) {
    const { template: row, created } = await saveTemplate({ tenantId: null, registeredBy: null }, template).catch((error: unknown) => {
      // A built-in that fails its checks is Cascade's bug: say which one, and each problem.
      if (!(error instanceof HttpError)) throw error;
      const problems = (error.errors ?? []).map((problem) => `${problem.path}: ${problem.message}`);
      throw new Error(`Built-in template "${template.key}" was refused: ${[error.message, ...problems].join('; ')}`);
    });
    if (created) logger?.info({ template: row.key, version: row.latestVersion }, 'built-in template registered');
    results.push({ key: row.key, version: row.latestVersion, created });
  }
  return results;
}
