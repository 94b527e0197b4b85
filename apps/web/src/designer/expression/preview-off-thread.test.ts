import { describe, expect, it } from 'vitest';
import { previewOffThread } from './preview-off-thread';

const context = { event: { data: { ticketId: 'T-1' } }, steps: {}, vars: {}, run: {} } as never;

describe('previewOffThread', () => {
  it('previews in the page where there are no Web Workers, with the same answers', async () => {
    expect(typeof Worker).toBe('undefined');
    expect(await previewOffThread('event.data.ticketId', context)).toEqual({ ok: true, value: 'T-1' });
    expect(await previewOffThread('event.data.', context)).toMatchObject({ ok: false, kind: 'syntax' });
    expect(await previewOffThread('($loop := function($n) { $loop($n + 1) }; $loop(0))', context)).toMatchObject({ ok: false, kind: 'limit' });
  });
});
