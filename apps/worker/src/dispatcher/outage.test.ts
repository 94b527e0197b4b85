import { ServiceError } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { createOutageBreaker, isTemporalOutage } from './outage';

const grpcError = (code: number) => Object.assign(new Error(`${code} status`), { code, details: '', metadata: {} });

describe('isTemporalOutage', () => {
  it('is true for a server not reached or not answering, false for what the event caused', () => {
    expect(isTemporalOutage(new ServiceError('start failed', { cause: grpcError(14) }))).toBe(true);
    expect(isTemporalOutage(grpcError(4))).toBe(true);
    expect(isTemporalOutage(new ServiceError('bad request', { cause: grpcError(3) }))).toBe(false);
    expect(isTemporalOutage(new Error('payload too large'))).toBe(false);
    expect(isTemporalOutage(undefined)).toBe(false);
  });
});

describe('the outage breaker', () => {
  it('opens on the first failure, waits longer on each probe that fails, and says how long the outage lasted', () => {
    const breaker = createOutageBreaker({ initialPauseMs: 1_000, maxPauseMs: 5_000 });
    expect(breaker.succeeded(0)).toBeUndefined();
    expect(breaker.failed(1_000)).toEqual({ pauseMs: 1_000, opened: true });
    expect(breaker.open).toBe(true);
    expect([breaker.failed(), breaker.failed(), breaker.failed()].map((step) => step.pauseMs)).toEqual([2_000, 4_000, 5_000]);
    expect(breaker.succeeded(61_000)).toBe(60_000);
    expect(breaker.open).toBe(false);
    expect(breaker.failed(70_000)).toEqual({ pauseMs: 1_000, opened: true });
  });
});
