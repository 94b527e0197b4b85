import { z } from 'zod';
import { defineManifest } from '../define-action';

const oneLine = /^[^\r\n]*$/;
/** `billing@acme.test` or `Acme Billing <billing@acme.test>`. */
const mailbox = z
  .string()
  .max(320)
  .regex(/^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, 'Expected an address like billing@acme.test or "Acme <billing@acme.test>"');

export const sendEmailManifest = defineManifest({
  id: 'email.send',
  version: 1,
  label: 'Send an email',
  description: "Sends an email through the worker's mail relay (the outbox in development).",
  category: 'Messaging',
  input: z
    .object({
      to: z.array(z.email()).min(1).max(50).describe('Recipients'),
      cc: z.array(z.email()).max(50).optional(),
      subject: z.string().min(1).max(998).regex(oneLine, 'The subject must be one line'),
      text: z.string().max(200_000).optional().describe('Plain-text body'),
      html: z.string().max(500_000).optional().describe('HTML body'),
      from: mailbox.optional().describe("Sender; the worker's default sender when empty"),
    })
    .refine((input) => input.text !== undefined || input.html !== undefined, { path: ['text'], message: 'Give a text or an html body' }),
  output: z.object({ messageId: z.string() }),
  // SMTP has no idempotency key: sending again delivers a second copy.
  idempotent: false,
  sideEffects: true,
});
