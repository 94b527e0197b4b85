// Public surface of @cascade/catalog: pure and browser-safe.

export { defineEvent } from './define-event';
export type { EventCategory, EventDefinition, EventDomain, EventSpec, PayloadSchema } from './define-event';

export { eventTypeNamePattern, pascalCaseEventName, payloadSchemaRefFor } from './naming';
export type { PayloadSchemaRef } from './naming';

export { getEventDefinition, isEventType, listEventDefinitions, listEventVersions } from './catalog';
export type { CatalogEventDefinition, EventDefinitionOf, EventType, EventVersion, LatestVersion, PayloadOf } from './catalog';

export { payloadJsonSchema } from './json-schema';
export type { JsonSchema } from './json-schema';
export { expandPayloadFields, listPayloadFields, payloadFieldsOf } from './field-list';
export type { FieldExpansion, PayloadField } from './field-list';
export { describeExpansionLimit, ExpansionBudgetExceeded, schemaLimits } from './schema-limits';
export type { ExpansionLimit } from './schema-limits';
export { checkSchemaLimits } from './check-schema-limits';
export { checkJsonDepth, firstPointerDeeperThan, MAX_JSON_DEPTH } from './json-depth';

export { checkCompatibility } from './compatibility';
export type { CompatibilityResult, SchemaChange, SchemaChangeKind } from './compatibility';
export { assertVersionBump, describeChange, IncompatibleVersionError, parseVersion } from './version-bump';
export type { SchemaVersion } from './version-bump';

export { actorTypes, dataClassifications, eventEnvelopeSchema, parseEventEnvelope } from './envelope';
export type { EnvelopeParseResult, EventEnvelope, EventEnvelopeInput, InvalidEnvelopeError } from './envelope';
export { cloudEventAttributesSchema, fromCloudEvent } from './cloud-events';
export { isUuid } from './uuid';
export { parseIncomingEvent } from './incoming-event';
export { validateEventData, validatePayload } from './validate-payload';
export type {
  InvalidPayloadError,
  PayloadError,
  PayloadValidationResult,
  UnknownEventTypeError,
  UnknownEventVersionError,
} from './validate-payload';
export type { FieldError } from './field-errors';
