import { describe, expect, it } from 'vitest';
import { createTestContext } from '../testing/test-context';
import { sendNotificationHandler } from './send-notification';

describe('notification.send', () => {
  it('writes the notification through the inbox service and returns its id', async () => {
    const { context, recorded } = createTestContext();
    const input = sendNotificationHandler.input.parse({ recipient: 'ana@acme.test', title: 'Approval needed', body: 'PO-7 waits for you', link: '/approvals/7' });
    expect(await sendNotificationHandler.run(input, context)).toEqual({ id: 'notification-1' });
    expect(recorded.notifications).toEqual([{ recipient: 'ana@acme.test', title: 'Approval needed', body: 'PO-7 waits for you', link: '/approvals/7' }]);
  });

  it('accepts app paths and http(s) links only, so a click cannot run script', () => {
    const linkOk = (link: string) => sendNotificationHandler.input.safeParse({ recipient: 'a@b.test', title: 't', link }).success;
    expect(linkOk('/runs/123')).toBe(true);
    expect(linkOk('https://erp.acme.test/po/7')).toBe(true);
    expect(linkOk('javascript:alert(1)')).toBe(false);
    expect(linkOk('//evil.test/x')).toBe(false);
    expect(linkOk('data:text/html,<script>x</script>')).toBe(false);
  });
});
