import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { choice, decimal, entityId, label, positiveInteger, tenantId, text, timestamp } from '../../fields';

const surveyId = () => entityId('Survey the event is about');
const recipientId = () => entityId('Contact the survey was sent to');
const linkedTicketId = () => entityId('Ticket the survey is about, if any').optional();
const surveyChannel = () => label('Channel the survey went out through, e.g. email or portal');

export const surveySent = defineEvent({
  type: 'SURVEY_SENT',
  displayName: 'Survey Sent',
  description: 'Survey/CSAT request sent.',
  category: 'Surveys',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    surveyId: surveyId(),
    surveyType: choice(['csat', 'nps', 'custom'], 'Kind of survey'),
    recipientId: recipientId(),
    ticketId: linkedTicketId(),
    sentAt: timestamp('When the survey was sent'),
    channel: surveyChannel(),
    templateId: entityId('Survey template used').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    surveyId: '7e9cfbad-3dbe-4ad1-8cf4-b3c4d5e6f708',
    surveyType: 'csat',
    recipientId: '8c2e4f6a-1b3d-4c5e-9f70-a1b2c3d4e5f6',
    ticketId: 'b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d',
    sentAt: '2026-03-03T16:41:00Z',
    channel: 'email',
    templateId: 'csat-after-close',
  },
});

export const surveyResponseReceived = defineEvent({
  type: 'SURVEY_RESPONSE_RECEIVED',
  displayName: 'Survey Response Received',
  description: 'Survey response recorded.',
  category: 'Surveys',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    surveyId: surveyId(),
    responseId: entityId('Response that was recorded'),
    recipientId: recipientId(),
    ticketId: linkedTicketId(),
    respondedAt: timestamp('When the response was given'),
    score: decimal('Score given, on the survey type\'s scale (CSAT 1–5, NPS 0–10)'),
    comment: text('Free-text comment').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    surveyId: '7e9cfbad-3dbe-4ad1-8cf4-b3c4d5e6f708',
    responseId: '8fad0cbe-4ecf-4be2-9d05-c4d5e6f70819',
    recipientId: '8c2e4f6a-1b3d-4c5e-9f70-a1b2c3d4e5f6',
    ticketId: 'b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d',
    respondedAt: '2026-03-03T18:02:00Z',
    score: 2,
    comment: 'Took two days to fix a password prompt.',
  },
});

export const surveyReminderSent = defineEvent({
  type: 'SURVEY_REMINDER_SENT',
  displayName: 'Survey Reminder Sent',
  description: 'Reminder sent.',
  category: 'Surveys',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    surveyId: surveyId(),
    recipientId: recipientId(),
    ticketId: linkedTicketId(),
    sentAt: timestamp('When the reminder was sent'),
    channel: surveyChannel(),
    reminderNumber: positiveInteger('Which reminder this is: 1 for the first'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    surveyId: '7e9cfbad-3dbe-4ad1-8cf4-b3c4d5e6f708',
    recipientId: '8c2e4f6a-1b3d-4c5e-9f70-a1b2c3d4e5f6',
    sentAt: '2026-03-05T16:41:00Z',
    channel: 'email',
    reminderNumber: 1,
  },
});

export const surveyExpired = defineEvent({
  type: 'SURVEY_EXPIRED',
  displayName: 'Survey Expired',
  description: 'Survey expired without response.',
  category: 'Surveys',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    surveyId: surveyId(),
    recipientId: recipientId(),
    ticketId: linkedTicketId(),
    expiredAt: timestamp('When the survey expired'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    surveyId: '7e9cfbad-3dbe-4ad1-8cf4-b3c4d5e6f708',
    recipientId: '8c2e4f6a-1b3d-4c5e-9f70-a1b2c3d4e5f6',
    expiredAt: '2026-03-17T16:41:00Z',
  },
});

export const csatAlertTriggered = defineEvent({
  type: 'CSAT_ALERT_TRIGGERED',
  displayName: 'CSAT Alert Triggered',
  description: 'CSAT dropped / low score alert.',
  category: 'Surveys',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    window: choice(['daily', 'weekly', 'monthly'], 'Period the score was averaged over'),
    score: decimal('Average CSAT score in the window'),
    baseline: decimal('Score the window is compared against').optional(),
    delta: decimal('Score minus baseline').optional(),
    threshold: decimal('Score below which the alert fires'),
    triggeredAt: timestamp('When the alert fired'),
    scopeType: choice(['agent', 'team', 'org'], 'Whose score dropped'),
    scopeId: entityId('Agent or team whose score dropped; absent for the whole organisation').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    window: 'weekly',
    score: 3.6,
    baseline: 4.4,
    delta: -0.8,
    threshold: 4,
    triggeredAt: '2026-03-09T06:00:00Z',
    scopeType: 'team',
    scopeId: '5e7a9c1d-3f5b-4e7a-9c1d-3f5b7e9a1c3d',
  },
});
