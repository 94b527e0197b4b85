import type { TemplateRegistration } from '../register-template';

/**
 * The pieces the built-in templates are written with. A built-in template is the JSON a system
 * would register over the API; these helpers only keep that JSON short enough to read.
 */

/** A built-in template: always global, registered by Cascade itself at start. */
export type BuiltInTemplate = Omit<TemplateRegistration, 'visibility'>;

/** `{"$param": name}`: the parameter's value, put in whole when the template is instantiated. */
export const param = (name: string) => ({ $param: name });

/** `{"$expr": text}`: a JSONata expression leaf of a mapping. */
export const expr = ($expr: string) => ({ $expr });

/** Edges written as `from->to` or `from->to:port`, with ids that say the same. */
export function edges(...links: string[]) {
  return links.map((link) => {
    const [from, rest] = link.split('->') as [string, string];
    const [to, port] = rest.split(':') as [string, string | undefined];
    return { id: `${from}-${to}${port ? `-${port}` : ''}`, from, to, ...(port ? { port } : {}) };
  });
}

/**
 * An ISO 8601 duration of weeks to seconds, as a node's timeout or a delay takes it (years and
 * months are refused there: their length depends on the calendar).
 */
const DURATION_PATTERN = '^P(\\d+W)?(\\d+D)?(T(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?$';

export const durationParameter = (description: string, fallback: string) => ({
  type: 'string',
  pattern: DURATION_PATTERN,
  default: fallback,
  examples: [fallback],
  description: `${description} (ISO 8601, e.g. PT4H, P3D)`,
});

export const emailParameter = (description: string, example: string) => ({
  type: 'string',
  format: 'email',
  maxLength: 320,
  examples: [example],
  description,
});

export const emailsParameter = (description: string, example: string) => ({
  type: 'array',
  minItems: 1,
  maxItems: 50,
  items: { type: 'string', format: 'email', maxLength: 320 },
  examples: [[example]],
  description,
});

/** Who may decide an approval task: user ids, e-mail addresses or roles (`admins`, `editors`). */
export const assigneesParameter = (description: string, example: string) => ({
  type: 'array',
  minItems: 1,
  maxItems: 50,
  items: { type: 'string', minLength: 1, maxLength: 320 },
  examples: [[example]],
  description,
});

export const textParameter = (description: string, fallback: string, maxLength = 998) => ({
  type: 'string',
  minLength: 1,
  maxLength,
  default: fallback,
  description,
});

/** The id follow-up events name as the actor when the workflow, not a person, acted. */
export const automationUserParameter = {
  type: 'string',
  minLength: 1,
  maxLength: 200,
  default: 'cascade-automation',
  description: 'User id the emitted events name as their actor where the workflow itself acted',
};

/**
 * Records a notification the workflow sent as NOTIFICATION_SENT, so the event log (and other
 * workflows) see who was told what about which record. `notificationId` is an expression on the
 * sending step's output: the inbox id of notification.send, the message id of email.send.
 */
export function notificationSentNode(options: {
  id: string;
  notificationId: string;
  channel: 'in_app' | 'email';
  recipientId: unknown;
  templateId: string;
  contextType: string;
  contextId: string;
}) {
  return {
    id: options.id,
    type: 'emit',
    event: 'NOTIFICATION_SENT',
    data: {
      tenantId: expr('event.data.tenantId'),
      notificationId: expr(options.notificationId),
      channel: options.channel,
      recipientId: options.recipientId,
      sentAt: expr('$now()'),
      templateId: options.templateId,
      contextType: options.contextType,
      contextId: expr(options.contextId),
    },
  };
}

interface Notification {
  id: string;
  /** The parameter holding the recipient's e-mail address. */
  recipient: string;
  /** Expressions. */
  title: string;
  body: string;
  link?: unknown;
  templateId: string;
  contextType: string;
  /** Expression giving the id of the record the notification is about. */
  contextId: string;
}

/** Tells the recipient in the app (notification.send), recorded as NOTIFICATION_SENT by `${id}Sent`. */
export function notifyInApp({ id, recipient, title, body, link, templateId, contextType, contextId }: Notification) {
  return [
    {
      id,
      type: 'action',
      action: 'notification.send',
      input: { recipient: param(recipient), title: expr(title), body: expr(body), ...(link === undefined ? {} : { link }) },
    },
    notificationSentNode({ id: `${id}Sent`, notificationId: `steps.${id}.output.id`, channel: 'in_app', recipientId: param(recipient), templateId, contextType, contextId }),
  ];
}

/** How a reminder reaches its recipient; the template keeps it in `vars.channel`. */
export const channelParameter = {
  type: 'string',
  enum: ['in_app', 'email'],
  default: 'in_app',
  description: 'in_app: a notification in the recipient’s Cascade inbox; email: an e-mail to the same address',
};

/**
 * Tells the recipient by the channel the instance chose (`vars.channel`), in the app or by e-mail
 * to the same address, recorded as NOTIFICATION_SENT; both paths then lead to `next`.
 */
export function notifyByChannel(options: Notification & { next: string }) {
  const { id, recipient, templateId, contextType, contextId } = options;
  return {
    nodes: [
      { id, type: 'condition', expression: 'vars.channel = "email"' },
      {
        id: `${id}ByEmail`,
        type: 'action',
        action: 'email.send',
        input: { to: [param(recipient)], subject: expr(options.title), text: expr(options.body) },
      },
      notificationSentNode({
        id: `${id}ByEmailSent`,
        notificationId: `steps.${id}ByEmail.output.messageId`,
        channel: 'email',
        recipientId: param(recipient),
        templateId,
        contextType,
        contextId,
      }),
      ...notifyInApp({ ...options, id: `${id}InApp` }),
    ],
    edges: edges(
      `${id}->${id}ByEmail:true`,
      `${id}->${id}InApp:false`,
      `${id}ByEmail->${id}ByEmailSent`,
      `${id}InApp->${id}InAppSent`,
      `${id}ByEmailSent->${options.next}`,
      `${id}InAppSent->${options.next}`,
    ),
  };
}
