import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { changeSet, entityId, label, tenantId, timestamp } from '../../fields';

const courseId = () => entityId('Course the assignment belongs to');
const moduleId = () => entityId('Module the assignment belongs to, if any').optional();
const assignmentId = () => entityId('Assignment the event is about');

export const courseAssignmentCreated = defineEvent({
  type: 'course.assignment.created',
  displayName: 'Course Assignment Created',
  description: 'An author added an assignment to a course.',
  category: 'Learning',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    courseId: courseId(),
    moduleId: moduleId(),
    assignmentId: assignmentId(),
    title: label('Assignment title'),
    dueAt: timestamp('When submissions are due').optional(),
    maxScore: z.number().positive().describe('Highest score a submission can get').optional(),
    createdByUserId: entityId('Author who added the assignment'),
    createdAt: timestamp('When the assignment was added'),
  }),
  example: {
    tenantId: 'lumen-academy',
    courseId: 'crs_intro_stats',
    moduleId: 'mod_probability',
    assignmentId: 'asg_dice_lab',
    title: 'Dice simulation lab',
    dueAt: '2026-02-20T23:59:00-05:00',
    maxScore: 20,
    createdByUserId: 'usr_author_17',
    createdAt: '2026-01-09T09:00:00Z',
  },
});

export const courseAssignmentUpdated = defineEvent({
  type: 'course.assignment.updated',
  displayName: 'Course Assignment Updated',
  description: 'An author changed an assignment.',
  category: 'Learning',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    courseId: courseId(),
    moduleId: moduleId(),
    assignmentId: assignmentId(),
    updatedByUserId: entityId('Author who changed the assignment'),
    updatedAt: timestamp('When the assignment was changed'),
    ...changeSet(),
  }),
  example: {
    tenantId: 'lumen-academy',
    courseId: 'crs_intro_stats',
    assignmentId: 'asg_dice_lab',
    updatedByUserId: 'usr_author_17',
    updatedAt: '2026-02-15T09:00:00Z',
    updatedFields: ['dueAt'],
    changes: { dueAt: { previous: '2026-02-20T23:59:00-05:00', new: '2026-02-23T23:59:00-05:00' } },
  },
});

export const courseAssignmentDeleted = defineEvent({
  type: 'course.assignment.deleted',
  displayName: 'Course Assignment Deleted',
  description: 'An author removed an assignment.',
  category: 'Learning',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    courseId: courseId(),
    moduleId: moduleId(),
    assignmentId: assignmentId(),
    deletedByUserId: entityId('Author who removed the assignment'),
    deletedAt: timestamp('When the assignment was removed'),
  }),
  example: {
    tenantId: 'lumen-academy',
    courseId: 'crs_intro_stats',
    assignmentId: 'asg_dice_lab',
    deletedByUserId: 'usr_author_17',
    deletedAt: '2026-03-01T09:00:00Z',
  },
});
