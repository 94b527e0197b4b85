import { describe, expect, it } from 'vitest';
import { getActionManifest } from './manifest';
import { defaultCannedOutput, sampleOfJsonSchema, stubbedByDefault } from './test-runs';

describe('how a test run treats actions', () => {
  it('stubs actions with side effects, remote ones, and HTTP calls other than GET', () => {
    expect(stubbedByDefault('email.send', {})).toBe(true);
    expect(stubbedByDefault('webhook.send', {})).toBe(true);
    expect(stubbedByDefault('acme.create-ticket', {})).toBe(true);
    expect(stubbedByDefault('http.request', { method: 'POST' })).toBe(true);
    expect(stubbedByDefault('http.request', { method: { $expr: 'vars.method' } })).toBe(true);
    expect(stubbedByDefault('http.request', { method: 'GET' })).toBe(false);
    expect(stubbedByDefault('http.request', {})).toBe(false);
    expect(stubbedByDefault('core.log', {})).toBe(false);
  });

  it('answers a canned output its action’s output schema accepts', () => {
    const manifest = getActionManifest('http.request')!;
    const canned = defaultCannedOutput(manifest);
    expect(canned).toEqual({ status: 0, headers: {}, body: null, url: '' });
    expect(manifest.output.safeParse(canned).success).toBe(true);
    expect(defaultCannedOutput(undefined, { type: 'object', properties: { ticket: { type: 'string', examples: ['T-1'] }, open: { type: 'boolean' } }, required: ['ticket'] })).toEqual({ ticket: 'T-1' });
  });

  it('stops at a bounded depth on a self-nesting schema', () => {
    let schema: Record<string, unknown> = { type: 'string' };
    for (let depth = 0; depth < 1000; depth++) schema = { type: 'object', properties: { inner: schema } };
    expect(JSON.stringify(sampleOfJsonSchema(schema)).length).toBeLessThan(200);
  });
});
