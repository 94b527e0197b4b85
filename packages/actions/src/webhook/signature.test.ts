import { describe, expect, it } from 'vitest';
import { signEventWebhook, signWebhookPayload, verifyEventWebhookSignature, verifyWebhookSignature } from './signature';

describe('webhook signatures', () => {
  const secret = 'whsec-1';
  const body = '{"invoiceId":"inv_1"}';
  const now = new Date('2026-03-10T09:00:00Z');
  const timestamp = String(now.getTime() / 1000);
  const signature = signWebhookPayload(secret, timestamp, body);

  it('verifies a signature over exactly this body and timestamp', () => {
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature({ secret, body, signature, timestamp, now })).toBe(true);
    expect(verifyWebhookSignature({ secret, body: Buffer.from(body), signature, timestamp, now })).toBe(true);
  });

  it('refuses a changed body, another timestamp, another secret, or missing headers', () => {
    expect(verifyWebhookSignature({ secret, body: '{"invoiceId":"inv_2"}', signature, timestamp, now })).toBe(false);
    expect(verifyWebhookSignature({ secret, body, signature, timestamp: String(Number(timestamp) + 1), now })).toBe(false);
    expect(verifyWebhookSignature({ secret: 'whsec-2', body, signature, timestamp, now })).toBe(false);
    expect(verifyWebhookSignature({ secret, body, signature: undefined, timestamp, now })).toBe(false);
    expect(verifyWebhookSignature({ secret, body, signature: 'sha256=abc', timestamp, now })).toBe(false);
    expect(verifyWebhookSignature({ secret, body, signature, timestamp: 'yesterday', now })).toBe(false);
  });

  it('refuses a delivery older (or newer) than the tolerance, so a captured one cannot be replayed later', () => {
    const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);
    expect(verifyWebhookSignature({ secret, body, signature, timestamp, now: later(299) })).toBe(true);
    expect(verifyWebhookSignature({ secret, body, signature, timestamp, now: later(301) })).toBe(false);
    expect(verifyWebhookSignature({ secret, body, signature, timestamp, now: later(-301) })).toBe(false);
    expect(verifyWebhookSignature({ secret, body, signature, timestamp, now: later(3_000), toleranceSeconds: 3_600 })).toBe(true);
  });
});

describe('event webhook signatures (Cascade-Signature: t=…,v1=…)', () => {
  const secret = 'whsec_event';
  const body = '{"type":"run.failed"}';
  const now = new Date('2026-03-10T09:00:00Z');
  const timestamp = String(now.getTime() / 1000);
  const header = signEventWebhook(secret, timestamp, body);

  it('carries its timestamp and verifies over exactly this body, also among rotated signatures', () => {
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyEventWebhookSignature({ secret, body, header, now })).toBe(true);
    expect(verifyEventWebhookSignature({ secret, body, header: `${header},v1=${'0'.repeat(64)}`, now })).toBe(true);
  });

  it('refuses another body, secret or timestamp, an old delivery, and malformed headers', () => {
    expect(verifyEventWebhookSignature({ secret, body: '{"type":"run.completed"}', header, now })).toBe(false);
    expect(verifyEventWebhookSignature({ secret: 'other', body, header, now })).toBe(false);
    expect(verifyEventWebhookSignature({ secret, body, header: header.replace(`t=${timestamp}`, `t=${Number(timestamp) + 1}`), now })).toBe(false);
    expect(verifyEventWebhookSignature({ secret, body, header, now: new Date(now.getTime() + 301_000) })).toBe(false);
    for (const bad of [undefined, '', 'v1=abc', `t=${timestamp}`, `t=x,v1=${'0'.repeat(64)}`, 't=,v1=']) {
      expect(verifyEventWebhookSignature({ secret, body, header: bad, now })).toBe(false);
    }
  });
});
