import type { Event } from './generated/client';

/** A stored event as producers sent it (DESIGN.md §3): what `event` means in workflow expressions. */
export interface StoredEnvelope {
  id: string;
  type: string;
  version: number;
  timestamp: string;
  source: string;
  tenantId: string;
  correlationId: string | null;
  causationId: string | null;
  actor: unknown;
  data: unknown;
  metadata: unknown;
}

export function toEnvelope(row: Event): StoredEnvelope {
  return {
    id: row.id,
    type: row.type,
    version: row.version,
    timestamp: row.occurredAt.toISOString(),
    source: row.source,
    tenantId: row.tenantId,
    correlationId: row.correlationId,
    causationId: row.causationId,
    actor: row.actor,
    data: row.data,
    metadata: row.metadata,
  };
}
