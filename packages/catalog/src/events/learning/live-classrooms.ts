import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { count, entityId, label, positiveInteger, reason, tenantId, text, timestamp } from '../../fields';

const classroomId = () => entityId('Live classroom the event is about');
const sessionId = () => entityId('Live session of the classroom');
const seatsRemaining = () => count('Seats still free after the change').optional();

export const liveClassroomScheduled = defineEvent({
  type: 'live_classroom.scheduled',
  displayName: 'Live Classroom Scheduled',
  description: 'A live class was scheduled.',
  category: 'Learning',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    classroomId: classroomId(),
    courseId: entityId('Course the class belongs to, if any').optional(),
    title: label('Class title'),
    hostUserId: entityId('Tutor or instructor hosting the class'),
    startsAt: timestamp('When the class starts'),
    endsAt: timestamp('When the class ends'),
    capacity: positiveInteger('Seats available').optional(),
    scheduledByUserId: entityId('User who scheduled the class'),
    scheduledAt: timestamp('When the class was scheduled'),
  }),
  example: {
    tenantId: 'lumen-academy',
    classroomId: 'lcr_2201',
    courseId: 'crs_intro_stats',
    title: 'Live Q&A: hypothesis testing',
    hostUserId: 'usr_mina_77',
    startsAt: '2026-02-18T17:00:00Z',
    endsAt: '2026-02-18T18:00:00Z',
    capacity: 50,
    scheduledByUserId: 'usr_mina_77',
    scheduledAt: '2026-02-04T09:00:00Z',
  },
});

export const liveClassroomRegistrationCreated = defineEvent({
  type: 'live_classroom.registration.created',
  displayName: 'Live Classroom Registration Created',
  description: 'A learner took a seat in a live class.',
  category: 'Learning',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    classroomId: classroomId(),
    registrationId: entityId('Registration that was created'),
    userId: entityId('Learner who registered'),
    registeredAt: timestamp('When the learner registered'),
    seatsRemaining: seatsRemaining(),
  }),
  example: {
    tenantId: 'lumen-academy',
    classroomId: 'lcr_2201',
    registrationId: 'reg_9001',
    userId: 'usr_8f2k1m9q',
    registeredAt: '2026-02-05T10:00:00Z',
    seatsRemaining: 37,
  },
});

export const liveClassroomRegistrationCancelled = defineEvent({
  type: 'live_classroom.registration.cancelled',
  displayName: 'Live Classroom Registration Cancelled',
  description: 'A live class registration was cancelled, freeing its seat.',
  category: 'Learning',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    classroomId: classroomId(),
    registrationId: entityId('Registration that was cancelled'),
    userId: entityId('Learner whose registration was cancelled'),
    cancelledByUserId: entityId('User who cancelled the registration'),
    cancelledAt: timestamp('When the registration was cancelled'),
    reason: reason('Why the registration was cancelled'),
    seatsRemaining: seatsRemaining(),
  }),
  example: {
    tenantId: 'lumen-academy',
    classroomId: 'lcr_2201',
    registrationId: 'reg_9001',
    userId: 'usr_8f2k1m9q',
    cancelledByUserId: 'usr_8f2k1m9q',
    cancelledAt: '2026-02-17T10:00:00Z',
    seatsRemaining: 38,
  },
});

export const liveClassroomSessionStarted = defineEvent({
  type: 'live_classroom.session.started',
  displayName: 'Live Classroom Session Started',
  description: 'The host started the live session.',
  category: 'Learning',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    classroomId: classroomId(),
    sessionId: sessionId(),
    hostUserId: entityId('Host who started the session'),
    startedAt: timestamp('When the session started'),
  }),
  example: {
    tenantId: 'lumen-academy',
    classroomId: 'lcr_2201',
    sessionId: 'lss_77',
    hostUserId: 'usr_mina_77',
    startedAt: '2026-02-18T17:01:12Z',
  },
});

export const liveClassroomSessionEnded = defineEvent({
  type: 'live_classroom.session.ended',
  displayName: 'Live Classroom Session Ended',
  description: 'The live session ended.',
  category: 'Learning',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    classroomId: classroomId(),
    sessionId: sessionId(),
    endedAt: timestamp('When the session ended'),
    durationSeconds: count('How long the session ran, in seconds'),
    attendeeCount: count('Learners who joined'),
  }),
  example: {
    tenantId: 'lumen-academy',
    classroomId: 'lcr_2201',
    sessionId: 'lss_77',
    endedAt: '2026-02-18T18:03:40Z',
    durationSeconds: 3748,
    attendeeCount: 41,
  },
});

export const liveClassroomChatMessageLogged = defineEvent({
  type: 'live_classroom.chat.message_logged',
  displayName: 'Live Classroom Chat Message Logged',
  description: 'A chat message of a live session was logged for compliance.',
  category: 'Learning',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    classroomId: classroomId(),
    sessionId: sessionId(),
    messageId: entityId('Chat message that was logged'),
    authorUserId: entityId('User who wrote the message'),
    sentAt: timestamp('When the message was sent'),
    bodyPreview: text('First characters of the message').optional(),
  }),
  example: {
    tenantId: 'lumen-academy',
    classroomId: 'lcr_2201',
    sessionId: 'lss_77',
    messageId: 'chm_120',
    authorUserId: 'usr_8f2k1m9q',
    sentAt: '2026-02-18T17:22:05Z',
    bodyPreview: 'Is the p-value the probability that H0 is true?',
  },
});
