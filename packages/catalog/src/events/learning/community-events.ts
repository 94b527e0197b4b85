import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { choice, entityId, failure, label, orNull, tenantId, timestamp } from '../../fields';

// Community events are gatherings (meetups, study sessions) that members RSVP to; the
// `community.event.reminder.*` group covers the outcomes of their reminders: sent or failed.

const communityId = () => entityId('Community hosting the event');
const eventId = () => entityId('Community event (gathering) the event is about');
const rsvpStatus = (description: string) => choice(['going', 'maybe', 'not_going'], description);
const reminderFields = () => ({
  reminderId: entityId('Reminder the event is about'),
  recipientUserId: entityId('Member the reminder is for'),
  channel: choice(['email', 'push', 'in_app'], 'Channel the reminder goes through'),
});

export const communityEventCreated = defineEvent({
  type: 'community.event.created',
  displayName: 'Community Event Created',
  description: 'A gathering was scheduled in a community.',
  category: 'Community',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    communityId: communityId(),
    eventId: eventId(),
    title: label('Event title'),
    startsAt: timestamp('When the event starts'),
    endsAt: timestamp('When the event ends').optional(),
    createdByUserId: entityId('Member who created the event'),
    createdAt: timestamp('When the event was created'),
  }),
  example: {
    tenantId: 'lumen-academy',
    communityId: 'com_stats_learners',
    eventId: 'cev_meetup_03',
    title: 'Exam prep study hall',
    startsAt: '2026-03-01T15:00:00Z',
    endsAt: '2026-03-01T17:00:00Z',
    createdByUserId: 'usr_mina_77',
    createdAt: '2026-02-14T12:00:00Z',
  },
});

export const communityEventRsvpUpdated = defineEvent({
  type: 'community.event.rsvp.updated',
  displayName: 'Community Event RSVP Updated',
  description: 'A member answered or changed their RSVP to a gathering.',
  category: 'Community',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    communityId: communityId(),
    eventId: eventId(),
    userId: entityId('Member who answered'),
    previousStatus: orNull(rsvpStatus('RSVP before the change; null for a first answer')),
    newStatus: rsvpStatus('RSVP after the change'),
    updatedAt: timestamp('When the RSVP changed'),
  }),
  example: {
    tenantId: 'lumen-academy',
    communityId: 'com_stats_learners',
    eventId: 'cev_meetup_03',
    userId: 'usr_8f2k1m9q',
    previousStatus: 'maybe',
    newStatus: 'going',
    updatedAt: '2026-02-20T10:00:00Z',
  },
});

export const communityEventReminderSent = defineEvent({
  type: 'community.event.reminder.sent',
  displayName: 'Community Event Reminder Sent',
  description: 'A reminder of an upcoming gathering reached a member.',
  category: 'Community',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    communityId: communityId(),
    eventId: eventId(),
    ...reminderFields(),
    sentAt: timestamp('When the reminder was sent'),
  }),
  example: {
    tenantId: 'lumen-academy',
    communityId: 'com_stats_learners',
    eventId: 'cev_meetup_03',
    reminderId: 'rem_4410',
    recipientUserId: 'usr_8f2k1m9q',
    channel: 'push',
    sentAt: '2026-03-01T14:00:00Z',
  },
});

export const communityEventReminderFailed = defineEvent({
  type: 'community.event.reminder.failed',
  displayName: 'Community Event Reminder Failed',
  description: 'A reminder of an upcoming gathering could not be delivered.',
  category: 'Community',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    communityId: communityId(),
    eventId: eventId(),
    ...reminderFields(),
    failedAt: timestamp('When delivery failed'),
    ...failure(),
  }),
  example: {
    tenantId: 'lumen-academy',
    communityId: 'com_stats_learners',
    eventId: 'cev_meetup_03',
    reminderId: 'rem_4411',
    recipientUserId: 'usr_q7w8e9r0',
    channel: 'email',
    failedAt: '2026-03-01T14:00:02Z',
    errorCode: 'MAILBOX_FULL',
    errorMessage: '452 4.2.2 Mailbox full',
    retryable: true,
  },
});
