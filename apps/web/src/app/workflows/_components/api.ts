import type { Problem } from '@cascade/workflow';
import { problemText } from '@/components/problem-text';
import type { DraftDefinition } from '@/designer/draft';
import { problemsFromServer } from '@/designer/problems';

/**
 * The workflow API as the designer calls it from the browser. Same-origin requests carry the
 * session cookie, which the API accepts in place of an API key.
 */

export interface WorkflowInfo {
  id: string;
  name: string;
  enabled: boolean;
  latestVersion: number | null;
}

export interface VersionInfo {
  id: string;
  version: number;
  publishedAt: string;
  publishedBy: string | null;
  definition: Record<string, unknown>;
}

export type ApiResult<Value> = { ok: true; value: Value } | { ok: false; message: string; problems: Problem[] };

async function call<Value>(url: string, init: RequestInit, failure: string): Promise<ApiResult<Value>> {
  const response = await fetch(url, {
    ...init,
    cache: 'no-store',
    headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
  }).catch(() => undefined);
  if (!response) return { ok: false, message: `${failure}: the server could not be reached`, problems: [] };
  if (response.ok) return { ok: true, value: (await response.json()) as Value };
  const problems = problemsFromServer(await response.clone().json().catch(() => undefined));
  return { ok: false, message: await problemText(response, failure), problems };
}

export const createWorkflow = (name: string, definition: DraftDefinition) =>
  call<WorkflowInfo>('/api/v1/workflows', { method: 'POST', body: JSON.stringify({ name, definition }) }, 'Creating the workflow failed');

export const saveWorkflow = (id: string, changes: { name?: string; enabled?: boolean; definition?: DraftDefinition }) =>
  call<WorkflowInfo>(`/api/v1/workflows/${id}`, { method: 'PUT', body: JSON.stringify(changes) }, 'Saving failed');

export const publishWorkflow = (id: string) =>
  call<VersionInfo>(`/api/v1/workflows/${id}/publish`, { method: 'POST' }, 'Publishing failed');

export const listVersions = (id: string) =>
  call<{ items: VersionInfo[] }>(`/api/v1/workflows/${id}/versions`, { method: 'GET' }, 'Loading the versions failed');
