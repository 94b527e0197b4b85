import 'server-only';
import type { Route } from '../http/define-route';
import { deleteRemoteAction, getAction, listActions, putRemoteAction } from './actions';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys';
import { listAuditEntries, verifyAuditTrail } from './audit';
import { listWebhookDeliveries, replayWebhookDeliveryRoute } from './webhook-deliveries';
import {
  createWebhookSubscription,
  deleteWebhookSubscription,
  getWebhookSubscription,
  listWebhookSubscriptions,
  updateWebhookSubscription,
} from './webhooks';
import { getCatalogEvent, listCatalogEvents, previewEventTypeImpact, registerEventType } from './catalog';
import { listRoundtrips, startRoundtrip } from './diagnostics';
import { backtestFilterRoute, getEvent, listEvents, publishEvents, replayDeadLettersRoute, replayEvent } from './events';
import { getRetention, putRetention } from './retention';
import { deleteSecret, listSecrets, putSecret, updateSecret } from './secrets';
import { decideApprovalRoute, listApprovals } from './approvals';
import { getOverview } from './overview';
import { cancelRunRoute, getRun, listRunSteps, listRuns, retryRunRoute } from './runs';
import { getRunView } from './run-view';
import { health, readiness } from './system';
import { previewTemplateUpgradeRoute, upgradeTemplateRoute } from './template-upgrades';
import { getTemplate, instantiateTemplateRoute, listTemplates, registerTemplateRoute } from './templates';
import { answerTestRunRoute, getTestRun, getTestRunPlan, listTestRunsRoute, startTestRunRoute } from './test-runs';
import { deleteWorkflow } from './workflow-delete';
import { getDraftPins, pinDraftData } from './draft-pins';
import { createWorkflow, getWorkflow, listWorkflowVersions, listWorkflows, publishWorkflow, saveWorkflow } from './workflows';

/** Every HTTP route of Cascade; the OpenAPI document is generated from this list. */
export const routes: Route[] = [
  health,
  readiness,
  listCatalogEvents,
  getCatalogEvent,
  registerEventType,
  previewEventTypeImpact,
  publishEvents,
  listEvents,
  getEvent,
  replayEvent,
  replayDeadLettersRoute,
  backtestFilterRoute,
  listWorkflows,
  createWorkflow,
  getWorkflow,
  saveWorkflow,
  deleteWorkflow,
  listWorkflowVersions,
  publishWorkflow,
  getTestRunPlan,
  startTestRunRoute,
  listTestRunsRoute,
  getTestRun,
  answerTestRunRoute,
  getDraftPins,
  pinDraftData,
  previewTemplateUpgradeRoute,
  upgradeTemplateRoute,
  listTemplates,
  registerTemplateRoute,
  getTemplate,
  instantiateTemplateRoute,
  getOverview,
  listRuns,
  getRun,
  getRunView,
  listRunSteps,
  cancelRunRoute,
  retryRunRoute,
  listApprovals,
  decideApprovalRoute,
  listActions,
  getAction,
  putRemoteAction,
  deleteRemoteAction,
  listApiKeys,
  createApiKey,
  revokeApiKey,
  listSecrets,
  putSecret,
  updateSecret,
  deleteSecret,
  startRoundtrip,
  listRoundtrips,
  listAuditEntries,
  verifyAuditTrail,
  listWebhookSubscriptions,
  createWebhookSubscription,
  getWebhookSubscription,
  updateWebhookSubscription,
  deleteWebhookSubscription,
  listWebhookDeliveries,
  replayWebhookDeliveryRoute,
  getRetention,
  putRetention,
];
