import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { count, entityId, entityIds, label, tenantId, timestamp } from '../../fields';

const revocationReason = () => label('Why, e.g. logout, password_changed or admin_action').optional();
const revokedByUserId = () => entityId('Administrator who revoked the session; absent when the user logged out').optional();

export const userSessionRotated = defineEvent({
  type: 'user.session_rotated',
  displayName: 'Session Rotated',
  description: "A user's session was replaced by a new one (token refresh or privilege change).",
  category: 'Identity & Access',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    userId: entityId('User whose session rotated'),
    previousSessionId: entityId('Session that was replaced'),
    newSessionId: entityId('Session that replaced it'),
    rotatedAt: timestamp('When the session rotated'),
    reason: label('Why, e.g. refresh or privilege_change').optional(),
  }),
  example: {
    tenantId: 'lumen-academy',
    userId: 'usr_8f2k1m9q',
    previousSessionId: 'ses_a1b2c3',
    newSessionId: 'ses_d4e5f6',
    rotatedAt: '2026-02-03T09:00:00Z',
    reason: 'refresh',
  },
});

export const userSessionRevoked = defineEvent({
  type: 'user.session_revoked',
  displayName: 'Session Revoked',
  description: 'One session of a user ended: the user logged out or the session was revoked.',
  category: 'Identity & Access',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    userId: entityId('User whose session ended'),
    sessionId: entityId('Session that ended'),
    revokedAt: timestamp('When the session ended'),
    revokedByUserId: revokedByUserId(),
    reason: revocationReason(),
  }),
  example: {
    tenantId: 'lumen-academy',
    userId: 'usr_8f2k1m9q',
    sessionId: 'ses_d4e5f6',
    revokedAt: '2026-02-03T17:30:00Z',
    reason: 'logout',
  },
});

export const userSessionsRevoked = defineEvent({
  type: 'user.sessions_revoked',
  displayName: 'All Sessions Revoked',
  description: 'All sessions of a user ended at once (log out everywhere).',
  category: 'Identity & Access',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    userId: entityId('User whose sessions ended'),
    sessionIds: entityIds('Sessions that ended'),
    revokedCount: count('Number of sessions that ended'),
    revokedAt: timestamp('When the sessions ended'),
    revokedByUserId: revokedByUserId(),
    reason: revocationReason(),
  }),
  example: {
    tenantId: 'lumen-academy',
    userId: 'usr_8f2k1m9q',
    sessionIds: ['ses_d4e5f6', 'ses_g7h8i9'],
    revokedCount: 2,
    revokedAt: '2026-02-04T10:00:00Z',
    reason: 'password_changed',
  },
});
