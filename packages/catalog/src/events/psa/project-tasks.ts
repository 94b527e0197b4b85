import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { actorUserId, calendarDate, choice, entityId, label, tenantId, timestamp } from '../../fields';

const taskId = () => entityId('Project task the event is about');
const projectId = () => entityId('Project the task belongs to');

export const projectTaskCreated = defineEvent({
  type: 'PROJECT_TASK_CREATED',
  displayName: 'Project Task Created',
  description: 'Task added.',
  category: 'Projects',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    taskId: taskId(),
    projectId: projectId(),
    createdByUserId: entityId('Staff user who added the task'),
    createdAt: timestamp('When the task was added'),
    title: label('Task title'),
    dueDate: calendarDate('Day the task is due').optional(),
    status: label('Initial task status'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    taskId: '3b5d7f91-2c4e-4a6b-8d0f-1e2a3b4c5d6e',
    projectId: '2a4c6e80-1b3d-4f5a-8c7e-9d0f1a2b3c4d',
    createdByUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    createdAt: '2026-03-01T09:30:00Z',
    title: 'Migrate shared mailboxes',
    dueDate: '2026-03-20',
    status: 'todo',
  },
});

export const projectTaskAssigned = defineEvent({
  type: 'PROJECT_TASK_ASSIGNED',
  displayName: 'Project Task Assigned',
  description: 'Task assigned to user/team.',
  category: 'Projects',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    taskId: taskId(),
    projectId: projectId(),
    assignedToId: entityId('User or team the task is assigned to'),
    assignedToType: choice(['user', 'team'], 'Whether the assignee is a user or a team'),
    assignedByUserId: entityId('Staff user who assigned the task'),
    assignedAt: timestamp('When the task was assigned'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    taskId: '3b5d7f91-2c4e-4a6b-8d0f-1e2a3b4c5d6e',
    projectId: '2a4c6e80-1b3d-4f5a-8c7e-9d0f1a2b3c4d',
    assignedToId: '4d6f8a0c-2e4b-4d6f-8a0c-2e4b6d8f0a1c',
    assignedToType: 'user',
    assignedByUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    assignedAt: '2026-03-01T09:35:00Z',
  },
});

export const projectTaskStatusChanged = defineEvent({
  type: 'PROJECT_TASK_STATUS_CHANGED',
  displayName: 'Project Task Status Changed',
  description: 'Task status transition.',
  category: 'Projects',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    taskId: taskId(),
    projectId: projectId(),
    previousStatus: label('Status before the change'),
    newStatus: label('Status after the change'),
    actorUserId: actorUserId(),
    changedAt: timestamp('When the status changed'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    taskId: '3b5d7f91-2c4e-4a6b-8d0f-1e2a3b4c5d6e',
    projectId: '2a4c6e80-1b3d-4f5a-8c7e-9d0f1a2b3c4d',
    previousStatus: 'todo',
    newStatus: 'in_progress',
    actorUserId: '4d6f8a0c-2e4b-4d6f-8a0c-2e4b6d8f0a1c',
    changedAt: '2026-03-04T08:00:00Z',
  },
});

export const projectTaskCompleted = defineEvent({
  type: 'PROJECT_TASK_COMPLETED',
  displayName: 'Project Task Completed',
  description: 'Task completed.',
  category: 'Projects',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    taskId: taskId(),
    projectId: projectId(),
    completedByUserId: entityId('User who completed the task'),
    completedAt: timestamp('When the task was completed'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    taskId: '3b5d7f91-2c4e-4a6b-8d0f-1e2a3b4c5d6e',
    projectId: '2a4c6e80-1b3d-4f5a-8c7e-9d0f1a2b3c4d',
    completedByUserId: '4d6f8a0c-2e4b-4d6f-8a0c-2e4b6d8f0a1c',
    completedAt: '2026-03-18T17:00:00Z',
  },
});

export const projectTaskDependencyBlocked = defineEvent({
  type: 'PROJECT_TASK_DEPENDENCY_BLOCKED',
  displayName: 'Project Task Blocked',
  description: 'Dependency blocks progress.',
  category: 'Projects',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    taskId: taskId(),
    projectId: projectId(),
    blockedByTaskId: entityId('Task this task waits on'),
    blockedAt: timestamp('When the task became blocked'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    taskId: '3b5d7f91-2c4e-4a6b-8d0f-1e2a3b4c5d6e',
    projectId: '2a4c6e80-1b3d-4f5a-8c7e-9d0f1a2b3c4d',
    blockedByTaskId: '4c6e8a02-3d5f-4b7c-9e1a-2f3b4c5d6e7f',
    blockedAt: '2026-03-04T08:05:00Z',
  },
});

export const projectTaskDependencyUnblocked = defineEvent({
  type: 'PROJECT_TASK_DEPENDENCY_UNBLOCKED',
  displayName: 'Project Task Unblocked',
  description: 'Dependency resolved.',
  category: 'Projects',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    taskId: taskId(),
    projectId: projectId(),
    unblockedByTaskId: entityId('Task whose completion unblocked this one'),
    unblockedAt: timestamp('When the task became unblocked'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    taskId: '3b5d7f91-2c4e-4a6b-8d0f-1e2a3b4c5d6e',
    projectId: '2a4c6e80-1b3d-4f5a-8c7e-9d0f1a2b3c4d',
    unblockedByTaskId: '4c6e8a02-3d5f-4b7c-9e1a-2f3b4c5d6e7f',
    unblockedAt: '2026-03-09T11:00:00Z',
  },
});
