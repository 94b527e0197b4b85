import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { changeSet, count, entityId, label, tenantId, timestamp } from '../../fields';

const courseId = () => entityId('Course the lesson belongs to');
const moduleId = () => entityId('Module the lesson belongs to');
const lessonId = () => entityId('Lesson the event is about');

export const courseLessonCreated = defineEvent({
  type: 'course.lesson.created',
  displayName: 'Course Lesson Created',
  description: 'An author added a lesson to a course module.',
  category: 'Learning',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    courseId: courseId(),
    moduleId: moduleId(),
    lessonId: lessonId(),
    title: label('Lesson title'),
    contentType: label('Kind of lesson content, e.g. video, article or quiz').optional(),
    position: count('Position of the lesson in its module, from 0'),
    createdByUserId: entityId('Author who added the lesson'),
    createdAt: timestamp('When the lesson was added'),
  }),
  example: {
    tenantId: 'lumen-academy',
    courseId: 'crs_intro_stats',
    moduleId: 'mod_probability',
    lessonId: 'les_sampling',
    title: 'Random sampling',
    contentType: 'video',
    position: 0,
    createdByUserId: 'usr_author_17',
    createdAt: '2026-01-08T10:40:00Z',
  },
});

export const courseLessonUpdated = defineEvent({
  type: 'course.lesson.updated',
  displayName: 'Course Lesson Updated',
  description: 'An author changed a lesson.',
  category: 'Learning',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    courseId: courseId(),
    moduleId: moduleId(),
    lessonId: lessonId(),
    updatedByUserId: entityId('Author who changed the lesson'),
    updatedAt: timestamp('When the lesson was changed'),
    ...changeSet(),
  }),
  example: {
    tenantId: 'lumen-academy',
    courseId: 'crs_intro_stats',
    moduleId: 'mod_probability',
    lessonId: 'les_sampling',
    updatedByUserId: 'usr_author_17',
    updatedAt: '2026-01-10T11:00:00Z',
    updatedFields: ['videoAssetId'],
  },
});

export const courseLessonDeleted = defineEvent({
  type: 'course.lesson.deleted',
  displayName: 'Course Lesson Deleted',
  description: 'An author removed a lesson.',
  category: 'Learning',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    courseId: courseId(),
    moduleId: moduleId(),
    lessonId: lessonId(),
    deletedByUserId: entityId('Author who removed the lesson'),
    deletedAt: timestamp('When the lesson was removed'),
  }),
  example: {
    tenantId: 'lumen-academy',
    courseId: 'crs_intro_stats',
    moduleId: 'mod_probability',
    lessonId: 'les_sampling',
    deletedByUserId: 'usr_author_17',
    deletedAt: '2026-01-11T09:00:00Z',
  },
});
