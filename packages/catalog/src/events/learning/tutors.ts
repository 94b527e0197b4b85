import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { changeSet, entityId, label, reason, tenantId, text, timestamp } from '../../fields';

const tutorId = () => entityId('Tutor profile the event is about');
const bookingId = () => entityId('Booking the event is about');
const learnerUserId = () => entityId('Learner who booked the session');

export const tutorProfileCreated = defineEvent({
  type: 'tutor.profile.created',
  displayName: 'Tutor Profile Created',
  description: 'A user created a tutor profile.',
  category: 'Learning',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    tutorId: tutorId(),
    userId: entityId('User who tutors under the profile'),
    displayName: label('Name shown to learners'),
    subjects: z.array(label('Subject')).describe('Subjects the tutor teaches'),
    createdAt: timestamp('When the profile was created'),
  }),
  example: {
    tenantId: 'lumen-academy',
    tutorId: 'tut_mina',
    userId: 'usr_mina_77',
    displayName: 'Mina Cho',
    subjects: ['statistics', 'calculus'],
    createdAt: '2026-01-05T12:00:00Z',
  },
});

export const tutorProfileUpdated = defineEvent({
  type: 'tutor.profile.updated',
  displayName: 'Tutor Profile Updated',
  description: 'A tutor profile changed.',
  category: 'Learning',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    tutorId: tutorId(),
    updatedByUserId: entityId('User who changed the profile'),
    updatedAt: timestamp('When the profile changed'),
    ...changeSet(),
  }),
  example: {
    tenantId: 'lumen-academy',
    tutorId: 'tut_mina',
    updatedByUserId: 'usr_mina_77',
    updatedAt: '2026-01-06T12:00:00Z',
    updatedFields: ['subjects'],
    changes: { subjects: { previous: ['statistics'], new: ['statistics', 'calculus'] } },
  },
});

export const tutorAvailabilityPublished = defineEvent({
  type: 'tutor.availability.published',
  displayName: 'Tutor Availability Published',
  description: 'A tutor published the time slots learners can book.',
  category: 'Learning',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    tutorId: tutorId(),
    timezone: label('IANA time zone the tutor works in, e.g. Asia/Seoul'),
    slots: z
      .array(z.object({ startAt: timestamp('Slot start'), endAt: timestamp('Slot end') }))
      .describe('Bookable time slots'),
    publishedAt: timestamp('When the availability was published'),
  }),
  example: {
    tenantId: 'lumen-academy',
    tutorId: 'tut_mina',
    timezone: 'Asia/Seoul',
    slots: [
      { startAt: '2026-02-10T10:00:00+09:00', endAt: '2026-02-10T11:00:00+09:00' },
      { startAt: '2026-02-12T10:00:00+09:00', endAt: '2026-02-12T11:00:00+09:00' },
    ],
    publishedAt: '2026-02-05T09:00:00Z',
  },
});

export const tutorBookingRequested = defineEvent({
  type: 'tutor.booking.requested',
  displayName: 'Tutor Booking Requested',
  description: 'A learner asked to book a session with a tutor.',
  category: 'Learning',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    bookingId: bookingId(),
    tutorId: tutorId(),
    learnerUserId: learnerUserId(),
    startAt: timestamp('Requested session start'),
    endAt: timestamp('Requested session end'),
    note: text('Note from the learner').optional(),
    requestedAt: timestamp('When the booking was requested'),
  }),
  example: {
    tenantId: 'lumen-academy',
    bookingId: 'bkg_3310',
    tutorId: 'tut_mina',
    learnerUserId: 'usr_8f2k1m9q',
    startAt: '2026-02-10T10:00:00+09:00',
    endAt: '2026-02-10T11:00:00+09:00',
    note: 'Stuck on conditional probability',
    requestedAt: '2026-02-06T14:00:00Z',
  },
});

export const tutorBookingConfirmed = defineEvent({
  type: 'tutor.booking.confirmed',
  displayName: 'Tutor Booking Confirmed',
  description: 'A tutor confirmed a booking.',
  category: 'Learning',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    bookingId: bookingId(),
    tutorId: tutorId(),
    learnerUserId: learnerUserId(),
    startAt: timestamp('Session start'),
    endAt: timestamp('Session end'),
    confirmedByUserId: entityId('User who confirmed the booking'),
    confirmedAt: timestamp('When the booking was confirmed'),
  }),
  example: {
    tenantId: 'lumen-academy',
    bookingId: 'bkg_3310',
    tutorId: 'tut_mina',
    learnerUserId: 'usr_8f2k1m9q',
    startAt: '2026-02-10T10:00:00+09:00',
    endAt: '2026-02-10T11:00:00+09:00',
    confirmedByUserId: 'usr_mina_77',
    confirmedAt: '2026-02-06T15:00:00Z',
  },
});

export const tutorBookingCancelled = defineEvent({
  type: 'tutor.booking.cancelled',
  displayName: 'Tutor Booking Cancelled',
  description: 'A booking was cancelled by the learner or the tutor.',
  category: 'Learning',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    bookingId: bookingId(),
    tutorId: tutorId(),
    learnerUserId: learnerUserId(),
    cancelledByUserId: entityId('User who cancelled the booking'),
    cancelledAt: timestamp('When the booking was cancelled'),
    reason: reason('Why the booking was cancelled'),
  }),
  example: {
    tenantId: 'lumen-academy',
    bookingId: 'bkg_3310',
    tutorId: 'tut_mina',
    learnerUserId: 'usr_8f2k1m9q',
    cancelledByUserId: 'usr_8f2k1m9q',
    cancelledAt: '2026-02-08T08:00:00Z',
    reason: 'Exam moved',
  },
});
