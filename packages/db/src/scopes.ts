// Browser-safe: the API keys page imports this entry (`@cascade/db/scopes`), not the database client.

/**
 * What an API key may do; `admin` implies every other scope. `approvals:decide` lets a key decide
 * any approval task of its tenant (a key is no assignee, so it needs saying explicitly).
 */
export const API_KEY_SCOPES = ['events:publish', 'workflows:read', 'workflows:write', 'templates:write', 'approvals:decide', 'admin'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];
