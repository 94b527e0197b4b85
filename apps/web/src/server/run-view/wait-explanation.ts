import 'server-only';
import { getEventDefinition } from '@cascade/catalog';
import { toEnvelope } from '@cascade/db';
import { eventCorrelationKeys } from '@cascade/temporal/correlation';
import { webEnv } from '../../env.server';
import { db } from '../services';

/** Earlier events a wait's page lists at most: the buffer window can hold many of a busy type. */
const EARLIER_EVENTS_SHOWN = 20;

interface WaitRow {
  id: string; nodeKey: string; eventType: string; correlationKey: string; correlationExpr: string;
  openedAt: Date; expiresAt: Date; closedAt: Date | null; deliveredEventId: string | null;
}

/** A definition node: a wait reads its `filter`. */
type WaitNode = object;

/** The node a step key names: `lines[2].await` is node `await` in iteration 2 of `lines`. */
export const nodeIdOfKey = (key: string) => key.replace(/^(?:[^.[\]]+\[\d+\]\.)+/, '');

/** What to publish so the wait takes it: the catalog's example with the correlation's value where the expression reads it. */
export function matchingEventDraft(eventType: string, expression: string, value: unknown) {
  const example = getEventDefinition(eventType)?.example;
  const data: Record<string, unknown> = example && typeof example === 'object' ? structuredClone(example as Record<string, unknown>) : {};
  const draft: { type: string; source: string; data: Record<string, unknown>; correlationId?: string } = { type: eventType, source: 'cascade.run-page', data };
  const path = /^\s*event\.data((?:\.[A-Za-z_$][\w$]*)+)\s*$/.exec(expression)?.[1]?.slice(1).split('.');
  if (path) {
    let target = data;
    for (const segment of path.slice(0, -1)) {
      const next = target[segment];
      target = (target[segment] = next && typeof next === 'object' && !Array.isArray(next) ? next : {}) as Record<string, unknown>;
    }
    target[path.at(-1)!] = value;
    return { draft, placed: true };
  }
  if (/^\s*event\.correlationId\s*$/.test(expression) && typeof value === 'string') return { draft: { ...draft, correlationId: value }, placed: true };
  return { draft, placed: false };
}

const parseKey = (key: string): unknown => {
  try {
    return JSON.parse(key);
  } catch {
    return key;
  }
};

/**
 * Why each wait of a run waits (or waited): the event type, the value the event's correlation
 * must give, the filter, the deadline; the events of that type the buffer window held when it
 * opened, each said to match the correlation or not; and a draft of an event that would match.
 */
export async function explainWaits(tenantId: string, waits: readonly WaitRow[], nodes: ReadonlyMap<string, WaitNode>) {
  const bufferMs = webEnv().CASCADE_EVENT_BUFFER_SECONDS * 1000;
  return Promise.all(waits.map(async (wait) => {
    const nodeId = nodeIdOfKey(wait.nodeKey);
    const filter = (nodes.get(nodeId) as { filter?: unknown } | undefined)?.filter;
    const value = parseKey(wait.correlationKey);
    const earlier = await db().event.findMany({
      where: { tenantId, type: wait.eventType, receivedAt: { gte: new Date(wait.openedAt.getTime() - bufferMs), lte: wait.openedAt } },
      orderBy: { receivedAt: 'desc' },
      take: EARLIER_EVENTS_SHOWN,
    });
    const earlierEvents = await Promise.all(earlier.map(async (event) => ({
      id: event.id,
      type: event.type,
      receivedAt: event.receivedAt.toISOString(),
      correlates: (await eventCorrelationKeys(wait.correlationExpr, toEnvelope(event))).has(wait.correlationKey),
    })));
    return {
      nodeKey: wait.nodeKey,
      nodeId,
      state: wait.deliveredEventId ? 'received' as const : wait.closedAt ? 'timed-out' as const : 'waiting' as const,
      eventType: wait.eventType,
      correlation: { value, eventExpression: wait.correlationExpr },
      filter: typeof filter === 'string' ? filter : null,
      openedAt: wait.openedAt.toISOString(),
      expiresAt: wait.expiresAt.toISOString(),
      closedAt: wait.closedAt?.toISOString() ?? null,
      deliveredEventId: wait.deliveredEventId,
      bufferSeconds: bufferMs / 1000,
      earlierEvents,
      publish: matchingEventDraft(wait.eventType, wait.correlationExpr, value),
    };
  }));
}

export type WaitExplanation = Awaited<ReturnType<typeof explainWaits>>[number];
