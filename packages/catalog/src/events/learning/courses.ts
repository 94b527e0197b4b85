import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { changeSet, entityId, label, orNull, percentage, tenantId, timestamp } from '../../fields';

const courseId = () => entityId('Course the event is about');

export const courseCreated = defineEvent({
  type: 'course.created',
  displayName: 'Course Created',
  description: 'An author created a course.',
  category: 'Learning',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    courseId: courseId(),
    title: label('Course title'),
    status: label('Initial status, e.g. draft').optional(),
    createdByUserId: entityId('Author who created the course'),
    createdAt: timestamp('When the course was created'),
  }),
  example: {
    tenantId: 'lumen-academy',
    courseId: 'crs_intro_stats',
    title: 'Introduction to Statistics',
    status: 'draft',
    createdByUserId: 'usr_author_17',
    createdAt: '2026-01-08T10:00:00Z',
  },
});

export const courseUpdated = defineEvent({
  type: 'course.updated',
  displayName: 'Course Updated',
  description: 'Course details changed.',
  category: 'Learning',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    courseId: courseId(),
    updatedByUserId: entityId('Author who changed the course'),
    updatedAt: timestamp('When the course was updated'),
    ...changeSet(),
  }),
  example: {
    tenantId: 'lumen-academy',
    courseId: 'crs_intro_stats',
    updatedByUserId: 'usr_author_17',
    updatedAt: '2026-01-20T10:00:00Z',
    updatedFields: ['status'],
    changes: { status: { previous: 'draft', new: 'published' } },
  },
});

export const courseProgressUpdated = defineEvent({
  type: 'course.progress.updated',
  displayName: 'Course Progress Updated',
  description: "A learner's progress through a course changed.",
  category: 'Learning',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    courseId: courseId(),
    enrollmentId: entityId('Enrollment the progress belongs to'),
    userId: entityId('Learner whose progress changed'),
    previousProgressPercent: percentage('Progress before the change, 0–100'),
    newProgressPercent: percentage('Progress after the change, 0–100'),
    lessonId: entityId('Lesson whose completion changed the progress, if any').optional(),
    updatedAt: timestamp('When the progress changed'),
  }),
  example: {
    tenantId: 'lumen-academy',
    courseId: 'crs_intro_stats',
    enrollmentId: 'enr_5521',
    userId: 'usr_8f2k1m9q',
    previousProgressPercent: 40,
    newProgressPercent: 50,
    lessonId: 'les_sampling',
    updatedAt: '2026-02-10T20:14:00Z',
  },
});

export const courseEnrollmentUpdated = defineEvent({
  type: 'course.enrollment.updated',
  displayName: 'Course Enrollment Updated',
  description: 'A learner enrolled in a course, or their enrollment changed status.',
  category: 'Learning',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    courseId: courseId(),
    enrollmentId: entityId('Enrollment that changed'),
    userId: entityId('Learner the enrollment is for'),
    previousStatus: orNull(label('Status before the change; null for a new enrollment')),
    newStatus: label('Status after the change, e.g. active, completed, cancelled or expired'),
    actorUserId: entityId('User who made the change, when not the learner').optional(),
    updatedAt: timestamp('When the enrollment changed'),
  }),
  example: {
    tenantId: 'lumen-academy',
    courseId: 'crs_intro_stats',
    enrollmentId: 'enr_5521',
    userId: 'usr_8f2k1m9q',
    previousStatus: null,
    newStatus: 'active',
    updatedAt: '2026-02-01T18:30:00Z',
  },
});
