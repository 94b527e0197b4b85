import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { changeSet, entityId, reason, tenantId, timestamp } from '../../fields';

const followPair = () => ({
  followerUserId: entityId('User who follows or asked to follow'),
  followeeUserId: entityId('User being followed'),
});
const blockPair = () => ({
  blockerUserId: entityId('User who blocks'),
  blockedUserId: entityId('User who is blocked'),
});

export const socialFollowRequested = defineEvent({
  type: 'social.follow.requested',
  displayName: 'Follow Requested',
  description: 'A user asked to follow another user.',
  category: 'Social',
  domain: 'learning',
  payload: z.object({ tenantId: tenantId(), ...followPair(), requestedAt: timestamp('When the request was made') }),
  example: {
    tenantId: 'lumen-academy',
    followerUserId: 'usr_8f2k1m9q',
    followeeUserId: 'usr_mina_77',
    requestedAt: '2026-02-12T10:00:00Z',
  },
});

export const socialFollowAccepted = defineEvent({
  type: 'social.follow.accepted',
  displayName: 'Follow Accepted',
  description: 'A follow request was accepted.',
  category: 'Social',
  domain: 'learning',
  payload: z.object({ tenantId: tenantId(), ...followPair(), acceptedAt: timestamp('When the request was accepted') }),
  example: {
    tenantId: 'lumen-academy',
    followerUserId: 'usr_8f2k1m9q',
    followeeUserId: 'usr_mina_77',
    acceptedAt: '2026-02-12T11:00:00Z',
  },
});

export const socialFollowDeclined = defineEvent({
  type: 'social.follow.declined',
  displayName: 'Follow Declined',
  description: 'A follow request was declined.',
  category: 'Social',
  domain: 'learning',
  payload: z.object({ tenantId: tenantId(), ...followPair(), declinedAt: timestamp('When the request was declined') }),
  example: {
    tenantId: 'lumen-academy',
    followerUserId: 'usr_q7w8e9r0',
    followeeUserId: 'usr_mina_77',
    declinedAt: '2026-02-12T11:05:00Z',
  },
});

export const socialFollowRemoved = defineEvent({
  type: 'social.follow.removed',
  displayName: 'Follow Removed',
  description: 'A follow ended: the follower unfollowed, or the followee removed the follower.',
  category: 'Social',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    ...followPair(),
    removedByUserId: entityId('Which of the two ended the follow'),
    removedAt: timestamp('When the follow ended'),
  }),
  example: {
    tenantId: 'lumen-academy',
    followerUserId: 'usr_8f2k1m9q',
    followeeUserId: 'usr_mina_77',
    removedByUserId: 'usr_8f2k1m9q',
    removedAt: '2026-03-01T10:00:00Z',
  },
});

export const socialBlockApplied = defineEvent({
  type: 'social.block.applied',
  displayName: 'Block Applied',
  description: 'A user blocked another user.',
  category: 'Social',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    ...blockPair(),
    reason: reason('Why the user was blocked'),
    appliedAt: timestamp('When the block was applied'),
  }),
  example: {
    tenantId: 'lumen-academy',
    blockerUserId: 'usr_mina_77',
    blockedUserId: 'usr_spam_12',
    reason: 'Unsolicited messages',
    appliedAt: '2026-02-13T10:00:00Z',
  },
});

export const socialBlockRemoved = defineEvent({
  type: 'social.block.removed',
  displayName: 'Block Removed',
  description: 'A user lifted a block.',
  category: 'Social',
  domain: 'learning',
  payload: z.object({ tenantId: tenantId(), ...blockPair(), removedAt: timestamp('When the block was lifted') }),
  example: {
    tenantId: 'lumen-academy',
    blockerUserId: 'usr_mina_77',
    blockedUserId: 'usr_spam_12',
    removedAt: '2026-04-13T10:00:00Z',
  },
});

export const socialPrivacyUpdated = defineEvent({
  type: 'social.privacy.updated',
  displayName: 'Privacy Settings Updated',
  description: "A user's privacy settings changed (who can follow, message or see them).",
  category: 'Social',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    userId: entityId('User whose privacy settings changed'),
    updatedAt: timestamp('When the settings changed'),
    ...changeSet(),
  }),
  example: {
    tenantId: 'lumen-academy',
    userId: 'usr_mina_77',
    updatedAt: '2026-02-13T10:05:00Z',
    updatedFields: ['allowDirectMessages'],
    changes: { allowDirectMessages: { previous: 'everyone', new: 'followers' } },
  },
});
