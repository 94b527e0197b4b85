// Every event family, collected into one list. A family file exports only its definitions, so
// adding an event is adding a `defineEvent` to its family; adding a family is one line here.

import * as psaAppointments from './psa/appointments';
import * as psaAssets from './psa/assets';
import * as psaClients from './psa/clients';
import * as psaCompanies from './psa/companies';
import * as psaContacts from './psa/contacts';
import * as psaContracts from './psa/contracts';
import * as psaCreditNotes from './psa/credit-notes';
import * as psaDocuments from './psa/documents';
import * as psaESignatures from './psa/e-signatures';
import * as psaEmailDelivery from './psa/email-delivery';
import * as psaEmailProviders from './psa/email-providers';
import * as psaFieldOps from './psa/field-ops';
import * as psaInboundEmail from './psa/inbound-email';
import * as psaIntegrationConnections from './psa/integration-connections';
import * as psaIntegrationSync from './psa/integration-sync';
import * as psaInteractions from './psa/interactions';
import * as psaInvoiceCollections from './psa/invoice-collections';
import * as psaInvoices from './psa/invoices';
import * as psaMedia from './psa/media';
import * as psaNotifications from './psa/notifications';
import * as psaOutboundEmail from './psa/outbound-email';
import * as psaPayments from './psa/payments';
import * as psaProjectApprovals from './psa/project-approvals';
import * as psaProjectTasks from './psa/project-tasks';
import * as psaProjects from './psa/projects';
import * as psaRecurringBilling from './psa/recurring-billing';
import * as psaScheduleCapacity from './psa/schedule-capacity';
import * as psaSurveys from './psa/surveys';
import * as psaTags from './psa/tags';
import * as psaTicketApprovals from './psa/ticket-approvals';
import * as psaTicketAssignment from './psa/ticket-assignment';
import * as psaTicketMessages from './psa/ticket-messages';
import * as psaTicketOrganization from './psa/ticket-organization';
import * as psaTicketSla from './psa/ticket-sla';
import * as psaTicketTransitions from './psa/ticket-transitions';
import * as psaTickets from './psa/tickets';
import * as workOrdersAgentTaskCompleted from './work-orders/agent-task-completed';
import * as workOrdersAgents from './work-orders/agents';
import * as workOrdersApprovals from './work-orders/approvals';
import * as workOrdersCompliance from './work-orders/compliance';
import * as workOrdersResources from './work-orders/resources';
import * as workOrdersSystem from './work-orders/system';
import * as workOrdersWorkOrder from './work-orders/work-order';
import * as workOrdersWorkOrderCompletion from './work-orders/work-order-completion';
import * as learningCommunity from './learning/community';
import * as learningCommunityEvents from './learning/community-events';
import * as learningCommunityMessages from './learning/community-messages';
import * as learningContentAssets from './learning/content-assets';
import * as learningContentPipeline from './learning/content-pipeline';
import * as learningCourseAssignments from './learning/course-assignments';
import * as learningCourseLessons from './learning/course-lessons';
import * as learningCourseModules from './learning/course-modules';
import * as learningCourses from './learning/courses';
import * as learningDataRetention from './learning/data-retention';
import * as learningDirectMessages from './learning/direct-messages';
import * as learningEbooks from './learning/ebooks';
import * as learningLiveClassrooms from './learning/live-classrooms';
import * as learningSessions from './learning/sessions';
import * as learningSocialGraph from './learning/social-graph';
import * as learningTutors from './learning/tutors';
import * as learningUsers from './learning/users';
import * as platformAudit from './platform/audit';
import * as platformAuth from './platform/auth';
import * as platformBilling from './platform/billing';
import * as platformFiles from './platform/files';
import * as platformModuleRegistry from './platform/module-registry';
import * as platformMoney from './platform/money';
import * as platformNotify from './platform/notify';

export const eventDefinitions = [
  // PSA (000): tickets, scheduling, projects, billing, CRM, documents, email, integrations, assets
  ...Object.values(psaAppointments),
  ...Object.values(psaAssets),
  ...Object.values(psaClients),
  ...Object.values(psaCompanies),
  ...Object.values(psaContacts),
  ...Object.values(psaContracts),
  ...Object.values(psaCreditNotes),
  ...Object.values(psaDocuments),
  ...Object.values(psaESignatures),
  ...Object.values(psaEmailDelivery),
  ...Object.values(psaEmailProviders),
  ...Object.values(psaFieldOps),
  ...Object.values(psaInboundEmail),
  ...Object.values(psaIntegrationConnections),
  ...Object.values(psaIntegrationSync),
  ...Object.values(psaInteractions),
  ...Object.values(psaInvoiceCollections),
  ...Object.values(psaInvoices),
  ...Object.values(psaMedia),
  ...Object.values(psaNotifications),
  ...Object.values(psaOutboundEmail),
  ...Object.values(psaPayments),
  ...Object.values(psaProjectApprovals),
  ...Object.values(psaProjectTasks),
  ...Object.values(psaProjects),
  ...Object.values(psaRecurringBilling),
  ...Object.values(psaScheduleCapacity),
  ...Object.values(psaSurveys),
  ...Object.values(psaTags),
  ...Object.values(psaTicketApprovals),
  ...Object.values(psaTicketAssignment),
  ...Object.values(psaTicketMessages),
  ...Object.values(psaTicketOrganization),
  ...Object.values(psaTicketSla),
  ...Object.values(psaTicketTransitions),
  ...Object.values(psaTickets),
  // Work orders (002): work orders, approvals, compliance, agents, resources, system
  ...Object.values(workOrdersAgentTaskCompleted),
  ...Object.values(workOrdersAgents),
  ...Object.values(workOrdersApprovals),
  ...Object.values(workOrdersCompliance),
  ...Object.values(workOrdersResources),
  ...Object.values(workOrdersSystem),
  ...Object.values(workOrdersWorkOrder),
  ...Object.values(workOrdersWorkOrderCompletion),
  // Learning and community platform (003)
  ...Object.values(learningCommunity),
  ...Object.values(learningCommunityEvents),
  ...Object.values(learningCommunityMessages),
  ...Object.values(learningContentAssets),
  ...Object.values(learningContentPipeline),
  ...Object.values(learningCourseAssignments),
  ...Object.values(learningCourseLessons),
  ...Object.values(learningCourseModules),
  ...Object.values(learningCourses),
  ...Object.values(learningDataRetention),
  ...Object.values(learningDirectMessages),
  ...Object.values(learningEbooks),
  ...Object.values(learningLiveClassrooms),
  ...Object.values(learningSessions),
  ...Object.values(learningSocialGraph),
  ...Object.values(learningTutors),
  ...Object.values(learningUsers),
  // Platform kernel (004)
  ...Object.values(platformAudit),
  ...Object.values(platformAuth),
  ...Object.values(platformBilling),
  ...Object.values(platformFiles),
  ...Object.values(platformModuleRegistry),
  ...Object.values(platformMoney),
  ...Object.values(platformNotify),
];
