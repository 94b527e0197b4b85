import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { choice, emailAddress, entityId, label, tenantId } from '../../fields';

const roles = (description: string) => z.array(label('Role')).describe(description);

export const authUserCreated = defineEvent({
  type: 'auth.user.created',
  displayName: 'User Created',
  description: 'A new user account was created (IAM service, partitioned by userId).',
  category: 'Identity & Access',
  domain: 'platform',
  payload: z.object({
    userId: entityId('User that was created'),
    email: emailAddress('User email address'),
    tenantId: tenantId(),
    roles: roles('Roles granted at creation'),
    createdByUserId: entityId('Administrator who created the account; absent for self sign-up').optional(),
  }),
  example: {
    userId: '01j9pa5mz700000000000000',
    email: 'ana.lopez@acme.example',
    tenantId: '01j9p3kz5f00000000000000',
    roles: ['member'],
  },
});

export const authUserLoggedIn = defineEvent({
  type: 'auth.user.logged_in',
  displayName: 'User Logged In',
  description: 'A user logged in successfully, by password, OAuth or wallet.',
  category: 'Identity & Access',
  domain: 'platform',
  payload: z.object({
    userId: entityId('User who logged in'),
    tenantId: tenantId(),
    ip: label('Client IP address'),
    userAgent: label('Client user agent'),
    method: choice(['password', 'oauth', 'wallet'], 'How the user authenticated').optional(),
  }),
  example: {
    userId: '01j9pa5mz700000000000000',
    tenantId: '01j9p3kz5f00000000000000',
    ip: '203.0.113.42',
    userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15',
    method: 'password',
  },
});

export const authRoleChanged = defineEvent({
  type: 'auth.role.changed',
  displayName: 'Role Changed',
  description: "A user's role assignment changed (grant or revoke).",
  category: 'Identity & Access',
  domain: 'platform',
  payload: z.object({
    tenantId: tenantId(),
    userId: entityId('User whose roles changed'),
    oldRoles: roles('Roles before the change'),
    newRoles: roles('Roles after the change'),
    changedByUserId: entityId('Administrator who changed the roles').optional(),
  }),
  example: {
    tenantId: '01j9p3kz5f00000000000000',
    userId: '01j9pa5mz700000000000000',
    oldRoles: ['member'],
    newRoles: ['member', 'moderator'],
    changedByUserId: '01j9pa0adm00000000000000',
  },
});
