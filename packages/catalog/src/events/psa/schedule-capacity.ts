import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { actorUserId, calendarDate, choice, decimal, entityId, label, reason, tenantId, timestamp } from '../../fields';

export const scheduleBlockCreated = defineEvent({
  type: 'SCHEDULE_BLOCK_CREATED',
  displayName: 'Schedule Block Created',
  description: 'Availability block created.',
  category: 'Scheduling',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    scheduleBlockId: entityId('Availability block that was created'),
    ownerId: entityId('Agent or team whose availability is blocked'),
    ownerType: choice(['user', 'team'], 'Whether the owner is an agent or a team'),
    startAt: timestamp('When the block starts'),
    endAt: timestamp('When the block ends'),
    timezone: label('IANA time zone of the block, e.g. Europe/Berlin'),
    actorUserId: actorUserId(),
    createdAt: timestamp('When the block was created'),
    reason: reason('Why the time is blocked, e.g. training or holiday'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    scheduleBlockId: '1f2e3d4c-5b6a-4798-8a6b-5c4d3e2f1a0b',
    ownerId: '4d6f8a0c-2e4b-4d6f-8a0c-2e4b6d8f0a1c',
    ownerType: 'user',
    startAt: '2026-03-09T08:00:00+01:00',
    endAt: '2026-03-09T12:00:00+01:00',
    timezone: 'Europe/Berlin',
    actorUserId: '4d6f8a0c-2e4b-4d6f-8a0c-2e4b6d8f0a1c',
    createdAt: '2026-03-02T15:00:00Z',
    reason: 'Vendor certification training',
  },
});

export const scheduleBlockDeleted = defineEvent({
  type: 'SCHEDULE_BLOCK_DELETED',
  displayName: 'Schedule Block Deleted',
  description: 'Availability block removed.',
  category: 'Scheduling',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    scheduleBlockId: entityId('Availability block that was removed'),
    actorUserId: actorUserId(),
    deletedAt: timestamp('When the block was removed'),
    reason: reason(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    scheduleBlockId: '1f2e3d4c-5b6a-4798-8a6b-5c4d3e2f1a0b',
    actorUserId: '4d6f8a0c-2e4b-4d6f-8a0c-2e4b6d8f0a1c',
    deletedAt: '2026-03-05T09:00:00Z',
    reason: 'Training moved online',
  },
});

export const capacityThresholdReached = defineEvent({
  type: 'CAPACITY_THRESHOLD_REACHED',
  displayName: 'Capacity Threshold Reached',
  description: 'Team/day capacity threshold hit.',
  category: 'Scheduling',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    teamId: entityId('Team whose capacity was reached'),
    date: calendarDate('Day the capacity applies to'),
    capacityLimit: decimal('Bookable hours the team has that day'),
    currentBooked: decimal('Hours already booked that day'),
    triggeredAt: timestamp('When the threshold was detected'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    teamId: '5e7a9c1d-3f5b-4e7a-9c1d-3f5b7e9a1c3d',
    date: '2026-03-10',
    capacityLimit: 40,
    currentBooked: 38.5,
    triggeredAt: '2026-03-06T14:22:00Z',
  },
});
