import { durationParameter, edges, emailsParameter, expr, notificationSentNode, param, type BuiltInTemplate } from './template-parts';

/**
 * 000's dunning: reminders about an overdue invoice, one each interval, until a payment is applied
 * to it. A graph may not loop outside a forEach, so the sequence is a forEach over the reminder
 * numbers; once the payment arrives, the iterations left see `vars.paid` and do nothing.
 */
export const invoiceOverdueReminders: BuiltInTemplate = {
  key: 'billing.overdue-invoice-reminders',
  name: 'Remind about overdue invoices until paid',
  description:
    'When an invoice becomes overdue, e-mails a reminder after each interval, up to a number of reminders, and stops as soon as PAYMENT_APPLIED applies a payment to that invoice. Emits NOTIFICATION_SENT per reminder.',
  category: 'Billing',
  tags: ['invoices', 'collections', 'reminders', 'email'],
  parameterSchema: {
    type: 'object',
    required: ['recipients'],
    properties: {
      recipients: emailsParameter('Who receives the reminders', 'billing@example.com'),
      interval: durationParameter('Time without payment before each reminder', 'P3D'),
      reminderCount: { type: 'integer', minimum: 1, maximum: 20, default: 3, description: 'Most reminders sent' },
      subjectPrefix: { type: 'string', minLength: 1, maxLength: 200, default: 'Payment reminder', description: 'Start of each reminder’s subject' },
    },
  },
  definition: {
    schemaVersion: 1,
    name: 'Remind about overdue invoices until paid',
    variables: { recipients: param('recipients'), reminderCount: param('reminderCount'), subjectPrefix: param('subjectPrefix'), paid: false },
    nodes: [
      { id: 'overdue', type: 'trigger', event: 'INVOICE_OVERDUE' },
      {
        id: 'reminders',
        type: 'forEach',
        items: '[1..vars.reminderCount]',
        concurrency: 1,
        body: {
          nodes: [
            { id: 'unpaid', type: 'condition', expression: 'vars.paid = false' },
            {
              id: 'payment',
              type: 'waitForEvent',
              event: 'PAYMENT_APPLIED',
              // A payment split across invoices lists them all; it answers the run of each.
              correlation: { event: 'event.data.applications.invoiceId', run: 'event.data.invoiceId' },
              timeout: param('interval'),
            },
            { id: 'paid', type: 'setVariables', assign: { paid: true } },
            {
              id: 'remind',
              type: 'action',
              action: 'email.send',
              input: {
                to: param('recipients'),
                subject: expr('vars.subjectPrefix & " " & steps.reminders.item & ": invoice " & event.data.invoiceId & " is overdue"'),
                text: expr(
                  '"Invoice " & event.data.invoiceId & " was due " & event.data.dueDate & ". Still unpaid: " & $string(event.data.amountDue / 100) & " " & event.data.currency & "."',
                ),
              },
            },
            notificationSentNode({
              id: 'reminded',
              notificationId: 'steps.remind.output.messageId',
              channel: 'email',
              recipientId: expr('$join(vars.recipients, ", ")'),
              templateId: 'billing.overdue-invoice-reminders',
              contextType: 'invoice',
              contextId: 'event.data.invoiceId',
            }),
            { id: 'settled', type: 'end' },
            { id: 'stoppedReminding', type: 'end' },
            { id: 'reminderSent', type: 'end' },
          ],
          edges: edges('reminders->unpaid:item', 'unpaid->payment:true', 'unpaid->settled:false', 'payment->paid:received', 'payment->remind:timeout', 'paid->stoppedReminding', 'remind->reminded', 'reminded->reminderSent'),
        },
      },
      { id: 'done', type: 'end' },
    ],
    edges: edges('overdue->reminders', 'reminders->done:done'),
  },
};
