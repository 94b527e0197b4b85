import { edges, emailParameter, expr, notificationSentNode, param, type BuiltInTemplate } from './template-parts';

const KEY = 'integrations.reconnect-reminder';

/** 000's INTEGRATION_TOKEN_EXPIRING: whoever looks after the integration reconnects it before it stops syncing. */
export const integrationTokenExpiring: BuiltInTemplate = {
  key: KEY,
  name: 'Remind to reconnect integrations whose token expires',
  description:
    'When an integration’s OAuth token is about to expire, reminds the integration’s administrator in the app to reconnect it. Emits NOTIFICATION_SENT for the reminder.',
  category: 'Integrations',
  tags: ['integrations', 'oauth', 'reminders', 'notification'],
  parameterSchema: {
    type: 'object',
    required: ['adminEmail'],
    properties: {
      adminEmail: emailParameter('Who reconnects the integration (a user’s e-mail address)', 'it-admin@example.com'),
      reconnectLink: {
        type: 'string',
        maxLength: 2000,
        pattern: '^(/[^/].*|/|https?://\\S+)$',
        default: '/',
        description: 'Where the reminder leads: an app path or an http(s) URL of the integration settings',
      },
    },
  },
  definition: {
    schemaVersion: 1,
    name: 'Remind to reconnect integrations whose token expires',
    nodes: [
      { id: 'expiring', type: 'trigger', event: 'INTEGRATION_TOKEN_EXPIRING' },
      {
        id: 'remind',
        type: 'action',
        action: 'notification.send',
        input: {
          recipient: param('adminEmail'),
          title: expr('"Reconnect " & event.data.provider & ": its token expires in " & event.data.daysUntilExpiry & " days"'),
          body: expr('"The token of connection " & event.data.connectionId & " expires " & event.data.expiresAt & ". Reconnect the integration before then to keep it syncing."'),
          link: param('reconnectLink'),
        },
      },
      notificationSentNode({
        id: 'reminded',
        notificationId: 'steps.remind.output.id',
        channel: 'in_app',
        recipientId: param('adminEmail'),
        templateId: KEY,
        contextType: 'integration',
        contextId: 'event.data.integrationId',
      }),
      { id: 'done', type: 'end' },
    ],
    edges: edges('expiring->remind', 'remind->reminded', 'reminded->done'),
  },
};
