import 'server-only';
import type { UserRole } from '@cascade/db';

/** Who is deciding: a signed-in user (with their role), or an API key. */
export type Decider =
  | { kind: 'user'; id: string; email: string | null; role: UserRole }
  | { kind: 'apiKey'; id: string };

/**
 * Whether `decider` may decide a task assigned to `assignees`, or why not. Assignees name users
 * (by id or email) or roles (`admin`, `editors`, any case, singular or plural); an admin may decide
 * any task. An API key got here only by holding `approvals:decide` (or `admin`), which the route
 * requires: that scope is the explicit permission, since a key is no assignee.
 */
export function approvalRefusal(assignees: readonly string[], decider: Decider): string | null {
  if (decider.kind === 'apiKey' || decider.role === 'ADMIN') return null;
  const role = decider.role.toLowerCase();
  const names = new Set([decider.id.toLowerCase(), role, `${role}s`, ...(decider.email ? [decider.email.toLowerCase()] : [])]);
  if (assignees.some((assignee) => names.has(assignee.trim().toLowerCase()))) return null;
  return `Only the task’s assignees (${assignees.join(', ')}) or an admin may decide it; you are neither`;
}
