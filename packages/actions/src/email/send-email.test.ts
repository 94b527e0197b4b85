import { describe, expect, it } from 'vitest';
import { createTestContext } from '../testing/test-context';
import { messageIdOf, sendEmailHandler } from './send-email';

describe('email.send', () => {
  it('hands the message to the worker mail service, with a Message-ID stable across the step’s attempts, and returns its message id', async () => {
    const { context, recorded } = createTestContext();
    const input = sendEmailHandler.input.parse({
      to: ['ap@acme.test'],
      cc: ['cfo@acme.test'],
      subject: 'Invoice INV-7 is overdue',
      text: 'Please pay.',
      from: 'Acme Billing <billing@acme.test>',
    });
    expect(await sendEmailHandler.run(input, context)).toEqual({ messageId: '<1@test>' });
    expect(recorded.mail).toEqual([
      {
        to: ['ap@acme.test'],
        cc: ['cfo@acme.test'],
        subject: 'Invoice INV-7 is overdue',
        text: 'Please pay.',
        from: 'Acme Billing <billing@acme.test>',
        messageId: messageIdOf(context.idempotencyKey),
      },
    ]);
    expect(messageIdOf(context.idempotencyKey)).toMatch(/^<[0-9a-f]{32}@cascade\.invalid>$/);
    expect(messageIdOf(context.idempotencyKey)).not.toBe(messageIdOf(`${context.idempotencyKey}x`));
  });

  it('refuses a message without body, a bad address, or a subject that would inject headers', () => {
    const issues = (input: Record<string, unknown>) =>
      sendEmailHandler.input.safeParse({ to: ['ap@acme.test'], subject: 'Hi', text: 'x', ...input }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues({ text: undefined })).toEqual(['text: Give a text or an html body']);
    expect(issues({ to: ['not-an-address'] })?.[0]).toMatch(/^to\.0: /);
    expect(issues({ to: [] })?.[0]).toMatch(/^to: /);
    expect(issues({ subject: 'Hi\r\nBcc: all@acme.test' })).toEqual(['subject: The subject must be one line']);
    expect(issues({ from: 'Billing <billing@acme.test>\r\nBcc: x@y.z' })?.[0]).toMatch(/^from: Expected an address/);
    expect(issues({ html: '<p>x</p>', text: undefined })).toBeUndefined();
  });
});
