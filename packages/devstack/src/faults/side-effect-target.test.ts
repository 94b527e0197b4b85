import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSideEffectTarget, type SideEffectTarget } from './side-effect-target';

let target: SideEffectTarget;
beforeAll(async () => (target = await startSideEffectTarget({ maxDelayMs: 5 })));
afterAll(() => target?.close());

const post = (body: string, key?: string) =>
  fetch(target.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) }, body }).then(
    async (response) => ({ status: response.status, body: (await response.json()) as unknown }),
  );

it('acts once per Idempotency-Key, answers a repeat with the first answer, and counts a second key for one event as a duplicated effect', async () => {
  const first = await post(JSON.stringify({ eventId: 'e-1' }), 'run-a:notify');
  expect(await post(JSON.stringify({ eventId: 'e-1' }), 'run-a:notify')).toEqual(first);
  await post(JSON.stringify({ eventId: 'e-1' }), 'run-b:notify'); // a second run of the same event
  await post(JSON.stringify({ eventId: 'e-2' })); // no key: nothing to dedupe on
  await post('not json', 'run-c:notify'); // a body naming no event

  expect(first).toEqual({ status: 200, body: { eventId: 'e-1', receipt: 'run-a:notify' } });
  expect(target.record).toMatchObject({ requests: 5, repeatedKeys: 1, withoutKey: 1 });
  expect(target.record.effectsByEvent.get('e-1')).toEqual(new Set(['run-a:notify', 'run-b:notify']));
  expect(target.record.effectsByEvent.get('unknown')).toEqual(new Set(['run-c:notify']));
});
