import { describe, expect, it } from 'vitest';
import { getActionHandler } from './handlers';
import { actionManifests, getActionManifest } from './manifest';

describe('action manifest and handlers', () => {
  it('exposes manifests without handlers, and handlers by id', async () => {
    const manifest = getActionManifest('core.log');
    expect(manifest).toMatchObject({ id: 'core.log', version: 1, idempotent: true });
    expect(manifest).not.toHaveProperty('run');
    expect(actionManifests.map((m) => m.id)).toEqual([...new Set(actionManifests.map((m) => m.id))]);

    const logged: Array<[string, unknown]> = [];
    const handler = getActionHandler('core.log')!;
    const input = handler.input.parse({ message: 'hello', fields: { invoiceId: 'inv_1' } });
    const output = await handler.run(input, {
      tenantId: 't', runId: 'r', idempotencyKey: 'k', signal: new AbortController().signal,
      secrets: { reveal: () => Promise.reject(new Error('no secrets here')) },
      services: {
        mail: { send: () => Promise.reject(new Error('no mail here')) },
        notifications: { send: () => Promise.reject(new Error('no inbox here')) },
        allowedPrivateHosts: [],
      },
      log: (message, fields) => logged.push([message, fields]),
    });
    expect(output).toEqual({ logged: true });
    expect(logged).toEqual([['hello', { level: 'info', invoiceId: 'inv_1' }]]);
  });

  it('rejects input that breaks the action schema', () => {
    const result = getActionManifest('core.log')!.input.safeParse({ message: '' });
    expect(result.success).toBe(false);
  });
});
