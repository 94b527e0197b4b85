import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { count, entityId, entityIds, tenantId, timestamp } from '../../fields';

const threadId = () => entityId('Direct-message thread the event is about');

export const dmThreadCreated = defineEvent({
  type: 'dm.thread.created',
  displayName: 'Direct Message Thread Created',
  description: 'A direct-message conversation was started.',
  category: 'Messaging',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    threadId: threadId(),
    participantUserIds: entityIds('Users in the conversation'),
    createdByUserId: entityId('User who started the conversation'),
    createdAt: timestamp('When the conversation was started'),
  }),
  example: {
    tenantId: 'lumen-academy',
    threadId: 'dmt_5102',
    participantUserIds: ['usr_8f2k1m9q', 'usr_mina_77'],
    createdByUserId: 'usr_8f2k1m9q',
    createdAt: '2026-02-12T09:00:00Z',
  },
});

export const dmMessageCreated = defineEvent({
  type: 'dm.message.created',
  displayName: 'Direct Message Sent',
  description: 'A direct message was sent.',
  category: 'Messaging',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    threadId: threadId(),
    messageId: entityId('Message that was sent'),
    senderUserId: entityId('User who sent the message'),
    attachmentsCount: count('Number of attachments').optional(),
    createdAt: timestamp('When the message was sent'),
  }),
  example: {
    tenantId: 'lumen-academy',
    threadId: 'dmt_5102',
    messageId: 'dmm_88120',
    senderUserId: 'usr_8f2k1m9q',
    createdAt: '2026-02-12T09:00:05Z',
  },
});

export const dmMessageRead = defineEvent({
  type: 'dm.message.read',
  displayName: 'Direct Message Read',
  description: 'A participant read a direct message (read receipt).',
  category: 'Messaging',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    threadId: threadId(),
    messageId: entityId('Message that was read'),
    readerUserId: entityId('Participant who read it'),
    readAt: timestamp('When it was read'),
  }),
  example: {
    tenantId: 'lumen-academy',
    threadId: 'dmt_5102',
    messageId: 'dmm_88120',
    readerUserId: 'usr_mina_77',
    readAt: '2026-02-12T09:14:00Z',
  },
});
