import type { CatalogField } from '../validate/catalog';

const field = (path: string, type: string, description: string, extra: Partial<CatalogField> = {}): CatalogField => ({
  path,
  type,
  optional: false,
  description,
  ...extra,
});

/**
 * The envelope of DESIGN.md §3 as an event reaches a run, in the catalog's field-list format. The
 * payload under `data` is the event type's own and is added by `eventFieldList`.
 */
export const ENVELOPE_FIELD_LIST: readonly CatalogField[] = [
  field('id', 'string', 'The event’s id, unique for ever', { format: 'uuid' }),
  field('type', 'string', 'The catalog event type'),
  field('version', 'integer', 'Major version of the payload schema'),
  field('timestamp', 'string', 'When the event happened', { format: 'date-time' }),
  field('source', 'string', 'System that produced the event'),
  field('tenantId', 'string', 'Tenant the event belongs to'),
  field('correlationId', 'string', 'Id shared by every event of one request or process', { optional: true }),
  field('causationId', 'string', 'Id of the event or command that caused this one', { optional: true }),
  field('actor', 'object', 'Who caused the event', { optional: true }),
  field('actor.id', 'string', 'User, agent or service that caused the event', { optional: true }),
  field('actor.type', 'string', 'Kind of actor', { optional: true, enum: ['HUMAN', 'AGENT', 'SYSTEM'] }),
  field('actor.role', 'string', 'RBAC role of the actor at the time', { optional: true }),
  field('data', 'object', 'The payload, as the catalog describes it for this type and version'),
  field('metadata', 'object', 'Classification and audit flags', { optional: true }),
  field('metadata.dataClassification', 'string', 'Data classification, L0 (public) to L4 (regulated)', { optional: true }),
  field('metadata.regulatory', 'boolean', 'Whether the event is compliance-relevant', { optional: true }),
  field('metadata.auditRequired', 'boolean', 'Whether an audit trail entry is mandatory', { optional: true }),
];

/** An event as expressions read it: the envelope, with the type's payload fields beneath `data`. */
export function eventFieldList(payload: readonly CatalogField[]): CatalogField[] {
  return [...ENVELOPE_FIELD_LIST, ...payload.map((entry) => ({ ...entry, path: `data.${entry.path}` }))];
}

/** `run.<field>`, described. */
export const RUN_FIELD_LIST: readonly CatalogField[] = [
  field('id', 'string', 'This run’s id'),
  field('workflowId', 'string', 'The workflow the run belongs to'),
  field('workflowVersion', 'integer', 'The published version the run executes'),
  field('tenantId', 'string', 'The tenant the run belongs to'),
  field('startedAt', 'string', 'When the run started', { format: 'date-time' }),
];
