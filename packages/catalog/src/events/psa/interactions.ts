import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { choice, entityId, label, tenantId, text, timestamp } from '../../fields';

export const interactionLogged = defineEvent({
  type: 'INTERACTION_LOGGED',
  displayName: 'Interaction Logged',
  description: 'CRM interaction recorded.',
  category: 'CRM',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    interactionId: entityId('Interaction that was logged'),
    clientId: entityId('Client the interaction was with'),
    contactId: entityId('Contact the interaction was with, if any').optional(),
    interactionType: label('Kind of interaction, e.g. call, meeting or email'),
    channel: label('Channel used, e.g. phone, video or in_person'),
    occurredAt: timestamp('When the interaction happened'),
    loggedByUserId: entityId('Staff user who logged the interaction'),
    subject: text('Subject of the interaction').optional(),
    outcome: text('Outcome of the interaction').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    interactionId: 'a7c9ebd0-6b8d-4f0a-9c2e-e6f708192a3b',
    clientId: '3a9d5c1e-2b7f-4e80-9a6c-5d4b3e2f1a09',
    contactId: '8c2e4f6a-1b3d-4c5e-9f70-a1b2c3d4e5f6',
    interactionType: 'call',
    channel: 'phone',
    occurredAt: '2026-03-03T15:00:00-06:00',
    loggedByUserId: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d',
    subject: 'Quarterly business review',
    outcome: 'Interested in managed backup; send a quote',
  },
});

export const noteCreated = defineEvent({
  type: 'NOTE_CREATED',
  displayName: 'Note Created',
  description: 'Note attached to client/contact.',
  category: 'CRM',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    noteId: entityId('Note that was created'),
    entityType: choice(['client', 'contact'], 'Kind of record the note is attached to'),
    entityId: entityId('Client or contact the note is attached to'),
    createdByUserId: entityId('Staff user who wrote the note'),
    createdAt: timestamp('When the note was created'),
    visibility: label('Who can see the note, e.g. internal or client').optional(),
    bodyPreview: text('First characters of the note body').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    noteId: 'b8d0fce1-7c9e-4a1b-8d3f-f708192a3b4c',
    entityType: 'client',
    entityId: '3a9d5c1e-2b7f-4e80-9a6c-5d4b3e2f1a09',
    createdByUserId: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d',
    createdAt: '2026-03-03T15:40:00Z',
    visibility: 'internal',
    bodyPreview: 'Budget approved for Q2; decision maker is Priya.',
  },
});
