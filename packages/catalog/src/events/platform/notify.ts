import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { entityId, label, tenantId } from '../../fields';

export const notifyNotificationSent = defineEvent({
  type: 'notify.notification.sent',
  displayName: 'Notification Sent (Notify Service)',
  description: 'A notification was delivered, or its delivery attempted, through any channel.',
  category: 'Email & Notifications',
  domain: 'platform',
  payload: z.object({
    tenantId: tenantId(),
    notificationId: entityId('Notification that was sent'),
    channel: label('Channel it went through, e.g. email, sms or push'),
    userId: entityId('User the notification was for'),
  }),
  example: {
    tenantId: '01j9p3kz5f00000000000000',
    notificationId: '01j9panot700000000000000',
    channel: 'email',
    userId: '01j9pa5mz700000000000000',
  },
});
