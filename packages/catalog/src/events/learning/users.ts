import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { choice, count, emailAddress, entityId, label, tenantId, timestamp } from '../../fields';

const verificationChannel = () => choice(['email', 'sms'], 'Where the verification code or link was sent');
const verificationPurpose = () => label('What is being verified, e.g. email_address, phone_number or password_reset');

export const userRegistered = defineEvent({
  type: 'user.registered',
  displayName: 'User Registered',
  description: 'A person signed up for the learning platform.',
  category: 'Identity & Access',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    userId: entityId('User that registered'),
    email: emailAddress('Email address the user registered with'),
    displayName: label('Name the user chose to show').optional(),
    registeredAt: timestamp('When the user registered'),
  }),
  example: {
    tenantId: 'lumen-academy',
    userId: 'usr_8f2k1m9q',
    email: 'sam.okafor@example.org',
    displayName: 'Sam O.',
    registeredAt: '2026-02-01T18:22:04Z',
  },
});

export const userLoginFailed = defineEvent({
  type: 'user.login_failed',
  displayName: 'Login Failed',
  description: 'A login attempt failed; carries the attempts left before the account locks.',
  category: 'Identity & Access',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    userId: entityId('Account the attempt was for; absent when no account matched').optional(),
    identifier: label('Email or username that was tried'),
    failureReason: label('Why the login failed, e.g. invalid_password, unknown_user or mfa_failed'),
    failedAttempts: count('Consecutive failed attempts, this one included'),
    remainingAttempts: count('Attempts left before the account locks'),
    ip: label('Client IP address').optional(),
    userAgent: label('Client user agent').optional(),
    failedAt: timestamp('When the attempt failed'),
  }),
  example: {
    tenantId: 'lumen-academy',
    userId: 'usr_8f2k1m9q',
    identifier: 'sam.okafor@example.org',
    failureReason: 'invalid_password',
    failedAttempts: 3,
    remainingAttempts: 2,
    ip: '198.51.100.23',
    failedAt: '2026-02-03T07:41:10Z',
  },
});

export const userAccountLocked = defineEvent({
  type: 'user.account_locked',
  displayName: 'Account Locked Out',
  description: 'An account was locked after too many failed login attempts.',
  category: 'Identity & Access',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    userId: entityId('Account that was locked'),
    failedAttempts: count('Failed attempts that caused the lockout'),
    lockedAt: timestamp('When the account was locked'),
    lockedUntil: timestamp('When the lock lifts; absent when an administrator must unlock it').optional(),
    ip: label('Client IP address of the last failed attempt').optional(),
  }),
  example: {
    tenantId: 'lumen-academy',
    userId: 'usr_8f2k1m9q',
    failedAttempts: 5,
    lockedAt: '2026-02-03T07:42:55Z',
    lockedUntil: '2026-02-03T08:12:55Z',
    ip: '198.51.100.23',
  },
});

export const userVerificationIssued = defineEvent({
  type: 'user.verification_issued',
  displayName: 'Verification Issued',
  description: 'A verification code or link was sent to a user.',
  category: 'Identity & Access',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    userId: entityId('User asked to verify'),
    verificationId: entityId('Verification that was issued'),
    channel: verificationChannel(),
    purpose: verificationPurpose(),
    issuedAt: timestamp('When the verification was sent'),
    expiresAt: timestamp('When the code or link stops working'),
  }),
  example: {
    tenantId: 'lumen-academy',
    userId: 'usr_8f2k1m9q',
    verificationId: 'ver_1q2w3e4r',
    channel: 'email',
    purpose: 'email_address',
    issuedAt: '2026-02-01T18:22:05Z',
    expiresAt: '2026-02-02T18:22:05Z',
  },
});

export const userVerificationCompleted = defineEvent({
  type: 'user.verification_completed',
  displayName: 'Verification Completed',
  description: 'A user completed a verification.',
  category: 'Identity & Access',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    userId: entityId('User who verified'),
    verificationId: entityId('Verification that was completed'),
    channel: verificationChannel(),
    purpose: verificationPurpose(),
    completedAt: timestamp('When the verification was completed'),
  }),
  example: {
    tenantId: 'lumen-academy',
    userId: 'usr_8f2k1m9q',
    verificationId: 'ver_1q2w3e4r',
    channel: 'email',
    purpose: 'email_address',
    completedAt: '2026-02-01T18:25:40Z',
  },
});
