import type { Logger } from '@cascade/logger';
import type { JsMsg } from '@nats-io/jetstream';
import { headers, type NatsConnection } from '@nats-io/transport-node';
import { DEAD_LETTER_PREFIX, REASON_HEADER } from './sources';

const MAX_REASON_LENGTH = 4_000;
const CONTROL_CHARACTERS = /\p{Cc}/gu; // C0, DEL and C1

/**
 * A reason fit for a NATS header value. Reasons quote message keys and values, which may hold CR or
 * LF: nats.js refuses such a header, and the message would be redelivered for ever. Control
 * characters are written as `\uXXXX` (still telling which key was wrong), and the length is bounded.
 */
export function toHeaderValue(reason: string): string {
  const visible = reason.replace(CONTROL_CHARACTERS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (visible.length <= MAX_REASON_LENGTH) return visible;
  let end = MAX_REASON_LENGTH - 1;
  if (/[\ud800-\udbff]/.test(visible.charAt(end - 1))) end -= 1; // keep surrogate pairs whole
  return `${visible.slice(0, end)}…`;
}

/** Republishes the message to `cascade.dlq.<subject>` with the reason, and stops its redelivery. */
export function deadLetter(nc: NatsConnection, logger: Logger, message: JsMsg, reason: string): void {
  const value = toHeaderValue(reason);
  const h = headers();
  h.set(REASON_HEADER, value);
  nc.publish(`${DEAD_LETTER_PREFIX}.${message.subject}`, message.data, { headers: h });
  message.term(); // no reason argument: servers before 2.10.4 ignore a +TERM that carries one
  logger.warn({ subject: message.subject, reason: value }, 'NATS message dead-lettered');
}
