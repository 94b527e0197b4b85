import { edges, expr, param, textParameter, type BuiltInTemplate } from './template-parts';

/** 004's auth.user.created: the new user gets a welcome e-mail, recorded as notify.notification.sent. */
export const welcomeEmail: BuiltInTemplate = {
  key: 'users.welcome-email',
  name: 'Welcome new users by e-mail',
  description: 'When a user account is created, e-mails the new user a welcome message. Emits notify.notification.sent for the message.',
  category: 'Identity & Access',
  tags: ['users', 'onboarding', 'email'],
  parameterSchema: {
    type: 'object',
    properties: {
      subject: textParameter('Subject of the welcome e-mail', 'Welcome aboard'),
      message: textParameter('Text of the welcome e-mail', 'Your account is ready. Sign in with this e-mail address to get started.', 20_000),
    },
  },
  definition: {
    schemaVersion: 1,
    name: 'Welcome new users by e-mail',
    nodes: [
      { id: 'created', type: 'trigger', event: 'auth.user.created' },
      { id: 'welcome', type: 'action', action: 'email.send', input: { to: [expr('event.data.email')], subject: param('subject'), text: param('message') } },
      {
        id: 'welcomed',
        type: 'emit',
        event: 'notify.notification.sent',
        data: {
          tenantId: expr('event.data.tenantId'),
          notificationId: expr('steps.welcome.output.messageId'),
          channel: 'email',
          userId: expr('event.data.userId'),
        },
      },
      { id: 'done', type: 'end' },
    ],
    edges: edges('created->welcome', 'welcome->welcomed', 'welcomed->done'),
  },
};
