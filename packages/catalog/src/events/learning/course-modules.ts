import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { changeSet, count, entityId, label, tenantId, timestamp } from '../../fields';

const courseId = () => entityId('Course the module belongs to');
const moduleId = () => entityId('Module the event is about');

export const courseModuleCreated = defineEvent({
  type: 'course.module.created',
  displayName: 'Course Module Created',
  description: 'An author added a module to a course.',
  category: 'Learning',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    courseId: courseId(),
    moduleId: moduleId(),
    title: label('Module title'),
    position: count('Position of the module in the course, from 0'),
    createdByUserId: entityId('Author who added the module'),
    createdAt: timestamp('When the module was added'),
  }),
  example: {
    tenantId: 'lumen-academy',
    courseId: 'crs_intro_stats',
    moduleId: 'mod_probability',
    title: 'Probability',
    position: 1,
    createdByUserId: 'usr_author_17',
    createdAt: '2026-01-08T10:20:00Z',
  },
});

export const courseModuleUpdated = defineEvent({
  type: 'course.module.updated',
  displayName: 'Course Module Updated',
  description: 'An author changed a course module.',
  category: 'Learning',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    courseId: courseId(),
    moduleId: moduleId(),
    updatedByUserId: entityId('Author who changed the module'),
    updatedAt: timestamp('When the module was changed'),
    ...changeSet(),
  }),
  example: {
    tenantId: 'lumen-academy',
    courseId: 'crs_intro_stats',
    moduleId: 'mod_probability',
    updatedByUserId: 'usr_author_17',
    updatedAt: '2026-01-09T08:00:00Z',
    updatedFields: ['title'],
    changes: { title: { previous: 'Probability', new: 'Probability basics' } },
  },
});

export const courseModuleDeleted = defineEvent({
  type: 'course.module.deleted',
  displayName: 'Course Module Deleted',
  description: 'An author removed a module from a course.',
  category: 'Learning',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    courseId: courseId(),
    moduleId: moduleId(),
    deletedByUserId: entityId('Author who removed the module'),
    deletedAt: timestamp('When the module was removed'),
  }),
  example: {
    tenantId: 'lumen-academy',
    courseId: 'crs_intro_stats',
    moduleId: 'mod_probability',
    deletedByUserId: 'usr_author_17',
    deletedAt: '2026-01-12T08:00:00Z',
  },
});
