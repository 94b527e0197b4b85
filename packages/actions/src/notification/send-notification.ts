import { defineHandler } from '../define-action';
import { sendNotificationManifest } from './send-notification.manifest';

export const sendNotificationHandler = defineHandler(sendNotificationManifest, async (input, context) => {
  const { id } = await context.services.notifications.send({
    recipient: input.recipient,
    title: input.title,
    body: input.body,
    ...(input.link ? { link: input.link } : {}),
  });
  context.log('Notification sent', { notificationId: id });
  return { id };
});
