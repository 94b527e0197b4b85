import { channelParameter, edges, emailParameter, notifyByChannel, param, type BuiltInTemplate } from './template-parts';

const KEY = 'integrations.reconnect-reminder';

const remind = notifyByChannel({
  id: 'remind',
  recipient: 'adminEmail',
  title: '"Reconnect " & event.data.provider & ": its token expires in " & event.data.daysUntilExpiry & " days"',
  body: '"The token of connection " & event.data.connectionId & " expires " & event.data.expiresAt & ". Reconnect the integration before then to keep it syncing."',
  link: param('reconnectLink'),
  templateId: KEY,
  contextType: 'integration',
  contextId: 'event.data.integrationId',
  next: 'done',
});

/** 000's INTEGRATION_TOKEN_EXPIRING: whoever looks after the integration reconnects it before it stops syncing. */
export const integrationTokenExpiring: BuiltInTemplate = {
  key: KEY,
  name: 'Remind to reconnect integrations whose token expires',
  description:
    'When an integration’s OAuth token is about to expire, reminds the integration’s administrator, in the app or by e-mail, to reconnect it. Emits NOTIFICATION_SENT for the reminder.',
  category: 'Integrations',
  tags: ['integrations', 'oauth', 'reminders', 'notification'],
  parameterSchema: {
    type: 'object',
    required: ['adminEmail'],
    properties: {
      adminEmail: emailParameter('Who reconnects the integration (a user’s e-mail address)', 'it-admin@example.com'),
      channel: channelParameter,
      reconnectLink: {
        type: 'string',
        maxLength: 2000,
        pattern: '^(/[^/].*|/|https?://\\S+)$',
        default: '/',
        description: 'Where an in-app reminder leads: an app path or an http(s) URL of the integration settings',
      },
    },
  },
  definition: {
    schemaVersion: 1,
    name: 'Remind to reconnect integrations whose token expires',
    variables: { channel: param('channel') },
    nodes: [{ id: 'expiring', type: 'trigger', event: 'INTEGRATION_TOKEN_EXPIRING' }, ...remind.nodes, { id: 'done', type: 'end' }],
    edges: [...edges('expiring->remind'), ...remind.edges],
  },
};
