export { checkTenantSchema, compileTenantSchema, toFieldError } from './tenant-schemas';
export {
  createIngestion,
  type AcceptedEvent,
  type Ingestion,
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
export { ingestionEnvFields } from './env';
export { claimDispatches, markDispatched, markFailed, releaseClaims, replayDispatch, type ClaimedDispatch } from './dispatch-queue';
