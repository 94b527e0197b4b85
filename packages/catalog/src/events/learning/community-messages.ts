import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { count, entityId, label, reason, tenantId, text, timestamp } from '../../fields';

// The moderation events keep the imperative names the messaging suite publishes them under
// (`community.message.hide`, not `…hidden`).

const messageFields = () => ({
  communityId: entityId('Community the message was posted in'),
  channelId: entityId('Channel the message was posted in'),
  messageId: entityId('Message the event is about'),
});
const moderation = (verb: string) => ({
  actorUserId: entityId(`Moderator or author who ${verb} the message`),
  reason: reason(`Why the message was ${verb}`),
});

export const communityMessageCreated = defineEvent({
  type: 'community.message.created',
  displayName: 'Community Message Created',
  description: 'A member posted a message in a community channel.',
  category: 'Messaging',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    ...messageFields(),
    authorUserId: entityId('Member who posted the message'),
    parentMessageId: entityId('Message this one replies to, if any').optional(),
    bodyPreview: text('First characters of the message').optional(),
    attachmentsCount: count('Number of attachments').optional(),
    createdAt: timestamp('When the message was posted'),
  }),
  example: {
    tenantId: 'lumen-academy',
    communityId: 'com_stats_learners',
    channelId: 'chn_general',
    messageId: 'msg_77001',
    authorUserId: 'usr_8f2k1m9q',
    bodyPreview: 'Anyone else find the central limit theorem video confusing?',
    createdAt: '2026-02-12T07:30:00Z',
  },
});

export const communityMessageReacted = defineEvent({
  type: 'community.message.reacted',
  displayName: 'Community Message Reacted',
  description: 'A member reacted to a community message.',
  category: 'Messaging',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    ...messageFields(),
    userId: entityId('Member who reacted'),
    reaction: label('Reaction, e.g. an emoji shortcode such as :thumbsup:'),
    reactedAt: timestamp('When the member reacted'),
  }),
  example: {
    tenantId: 'lumen-academy',
    communityId: 'com_stats_learners',
    channelId: 'chn_general',
    messageId: 'msg_77001',
    userId: 'usr_q7w8e9r0',
    reaction: ':raised_hand:',
    reactedAt: '2026-02-12T07:31:00Z',
  },
});

export const communityMessageHide = defineEvent({
  type: 'community.message.hide',
  displayName: 'Community Message Hidden',
  description: 'A moderator hid a message from the channel.',
  category: 'Messaging',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    ...messageFields(),
    ...moderation('hid'),
    hiddenAt: timestamp('When the message was hidden'),
  }),
  example: {
    tenantId: 'lumen-academy',
    communityId: 'com_stats_learners',
    channelId: 'chn_general',
    messageId: 'msg_77002',
    actorUserId: 'usr_mod_3',
    reason: 'Off-topic advertising',
    hiddenAt: '2026-02-12T08:00:00Z',
  },
});

export const communityMessageDelete = defineEvent({
  type: 'community.message.delete',
  displayName: 'Community Message Deleted',
  description: 'A message was deleted by its author or a moderator.',
  category: 'Messaging',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    ...messageFields(),
    ...moderation('deleted'),
    deletedAt: timestamp('When the message was deleted'),
  }),
  example: {
    tenantId: 'lumen-academy',
    communityId: 'com_stats_learners',
    channelId: 'chn_general',
    messageId: 'msg_77002',
    actorUserId: 'usr_mod_3',
    deletedAt: '2026-02-12T08:05:00Z',
  },
});

export const communityMessageRestore = defineEvent({
  type: 'community.message.restore',
  displayName: 'Community Message Restored',
  description: 'A moderator restored a hidden or deleted message.',
  category: 'Messaging',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    ...messageFields(),
    ...moderation('restored'),
    restoredAt: timestamp('When the message was restored'),
  }),
  example: {
    tenantId: 'lumen-academy',
    communityId: 'com_stats_learners',
    channelId: 'chn_general',
    messageId: 'msg_77002',
    actorUserId: 'usr_mod_1',
    reason: 'Appeal accepted',
    restoredAt: '2026-02-13T09:00:00Z',
  },
});
