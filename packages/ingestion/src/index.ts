export { checkTenantSchema, compileTenantSchema, toFieldError } from './tenant-schemas';
export {
  createIngestion,
  type AcceptedEvent,
  type Ingestion,
  type IngestionObserver,
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
export { MAX_EVENT_BYTES, eventSizeBytes } from './event-size';
export {
  claimDispatches,
  countPendingDispatches,
  countDeadLetters,
  markDispatched,
  markFailed,
  releaseClaims,
  renewClaims,
  replayDeadLetters,
  replayDispatch,
  type ClaimedDispatch,
  type DeadLetterFilter,
  type DispatchDone,
} from './dispatch-queue';
export { dispatchDecisionSchema, notStartedDecisionSchemas, readDispatchDecisions, type DispatchDecision } from './dispatch-decisions';
export { INSERT_EVENTS_MARK, waitForEarlierEventInserts } from './earlier-inserts';
