import { describe, expect, it } from 'vitest';
import { actionHandlers, getActionHandler } from './handlers';
import { actionManifests, getActionManifest } from './manifest';
import { createTestContext } from './testing/test-context';

describe('action manifests and handlers', () => {
  it('lists each built-in action once, as a manifest without its run', () => {
    const ids = actionManifests.map((manifest) => manifest.id);
    expect(ids).toEqual([
      'core.log',
      'http.request',
      'webhook.send',
      'email.send',
      'notification.send',
      'data.pick',
      'data.merge',
      'text.template',
    ]);
    for (const manifest of actionManifests) {
      expect(manifest).not.toHaveProperty('run');
      expect(manifest.version).toBe(1);
      expect(manifest.label && manifest.description && manifest.category).toBeTruthy();
    }
  });

  it('joins every manifest with exactly one handler under the same id and schemas', () => {
    expect(actionHandlers.map((handler) => handler.id)).toEqual(actionManifests.map((manifest) => manifest.id));
    for (const manifest of actionManifests) {
      const handler = getActionHandler(manifest.id)!;
      expect(handler.input).toBe(manifest.input);
      expect(handler.output).toBe(manifest.output);
      expect(handler.idempotent).toBe(manifest.idempotent);
      expect(handler.sideEffects).toBe(manifest.sideEffects);
      expect(typeof handler.run).toBe('function');
    }
    expect(getActionHandler('no.such')).toBeUndefined();
    expect(getActionManifest('no.such')).toBeUndefined();
  });

  it('core.log writes the message with its fields to the run log', async () => {
    const { context, recorded } = createTestContext();
    const handler = getActionHandler('core.log')!;
    const output = await handler.run(handler.input.parse({ message: 'hello', fields: { invoiceId: 'inv_1' } }), context);
    expect(handler.output.parse(output)).toEqual({ logged: true });
    expect(recorded.logs).toEqual([['hello', { level: 'info', invoiceId: 'inv_1' }]]);
  });

  it('rejects input that breaks the action schema', () => {
    const result = getActionManifest('core.log')!.input.safeParse({ message: '' });
    expect(result.success).toBe(false);
  });
});
