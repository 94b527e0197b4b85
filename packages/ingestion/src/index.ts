export { checkTenantSchema, createEventTypeRegistry, type EventTypeRegistry, type PayloadCheck } from './event-types';
export {
  ingestEvents,
  type AcceptedEvent,
  type IngestOptions,
  type IngestResult,
  type RejectedEvent,
} from './ingest';
export {
  DEFAULT_RESTRICTED_NAMESPACES,
  checkPublisher,
  parseRestrictedNamespaces,
  type Publisher,
  type RestrictedNamespace,
} from './publisher-policy';
