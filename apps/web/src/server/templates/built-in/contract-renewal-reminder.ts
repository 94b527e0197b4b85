import { channelParameter, edges, emailParameter, notifyByChannel, param, type BuiltInTemplate } from './template-parts';

const KEY = 'contracts.renewal-reminder';

const remind = notifyByChannel({
  id: 'remind',
  recipient: 'ownerEmail',
  title: '"Contract " & event.data.contractId & " renews in " & event.data.daysUntilRenewal & " days"',
  body: '"It renews " & event.data.renewalAt & " (client " & event.data.clientId & ")."',
  templateId: KEY,
  contextType: 'contract',
  contextId: 'event.data.contractId',
  next: 'done',
});

/** 000's CONTRACT_RENEWAL_UPCOMING: the contract's owner is reminded while there is time to act. */
export const contractRenewalReminder: BuiltInTemplate = {
  key: KEY,
  name: 'Remind the owner of upcoming contract renewals',
  description:
    'When a contract renewal is upcoming and no more than the given number of days away, reminds the contract owner in the app or by e-mail. Emits NOTIFICATION_SENT for the reminder.',
  category: 'Billing',
  tags: ['contracts', 'renewals', 'reminders', 'notification'],
  parameterSchema: {
    type: 'object',
    required: ['ownerEmail'],
    properties: {
      ownerEmail: emailParameter('The contract owner who is reminded (a user’s e-mail address)', 'account-manager@example.com'),
      channel: channelParameter,
      withinDays: { type: 'integer', minimum: 0, maximum: 3650, default: 30, description: 'Remind only when the renewal is at most this many days away' },
    },
  },
  definition: {
    schemaVersion: 1,
    name: 'Remind the owner of upcoming contract renewals',
    // A trigger filter sees the event alone, so the threshold is checked by a condition on the run.
    variables: { withinDays: param('withinDays'), channel: param('channel') },
    nodes: [
      { id: 'upcoming', type: 'trigger', event: 'CONTRACT_RENEWAL_UPCOMING' },
      { id: 'soon', type: 'condition', expression: 'event.data.daysUntilRenewal <= vars.withinDays' },
      ...remind.nodes,
      { id: 'done', type: 'end' },
      { id: 'notYet', type: 'end' },
    ],
    edges: [...edges('upcoming->soon', 'soon->remind:true', 'soon->notYet:false'), ...remind.edges],
  },
};
