import { z } from 'zod';
import { defineManifest } from '../define-action';

/** An app path (`/runs/123`) or an http(s) URL: never `javascript:` or another scheme a click would run. */
const link = z
  .string()
  .max(2_000)
  .refine((value) => (value.startsWith('/') && !value.startsWith('//')) || /^https?:\/\/[^\s]+$/i.test(value), 'Expected a path like /runs/123 or an http(s) URL');

export const sendNotificationManifest = defineManifest({
  id: 'notification.send',
  version: 1,
  label: 'Notify in the app',
  description: "Puts a notification in a user's Cascade inbox.",
  category: 'Messaging',
  input: z.object({
    recipient: z.string().min(1).max(320).describe('The user to notify (e-mail address)'),
    title: z.string().min(1).max(200),
    body: z.string().max(5_000).default(''),
    link: link.optional().describe('Where a click on the notification leads'),
  }),
  output: z.object({ id: z.string() }),
  // The inbox has no idempotency key: sending again shows a second notification.
  idempotent: false,
  sideEffects: true,
});
