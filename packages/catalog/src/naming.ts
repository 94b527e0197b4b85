/**
 * The catalog speaks the naming styles of its source systems side by side: `INVOICE_OVERDUE` (PSA),
 * `work_order.status_changed` (work orders), `auth.user.created` (platform kernel). Types are kept
 * exactly as their source spells them, so producers never have to translate.
 */
export const eventTypeNamePattern = /^(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*|[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+)$/;

export const eventTypeNamingHint =
  'Expected an event type in SCREAMING_SNAKE_CASE (INVOICE_OVERDUE) or dotted lower case (work_order.status_changed, auth.user.created)';

/** `TICKET_SLA_STAGE_BREACHED`, `work_order.status_changed` → `TicketSlaStageBreached`, `WorkOrderStatusChanged`. */
export function pascalCaseEventName(type: string): string {
  return type
    .split(/[._]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())
    .join('');
}

export type PayloadSchemaRef = `payload.${string}.v${number}`;

/** The name a payload schema is published under: `payload.<PascalName>.v<N>`. */
export function payloadSchemaRefFor(type: string, version: number): PayloadSchemaRef {
  return `payload.${pascalCaseEventName(type)}.v${version}`;
}
