import type { DefinitionDiff, Problem } from '@cascade/workflow';
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
  /** Present on listed versions: the version's runs by status. */
  runs?: { running: number; completed: number; failed: number; cancelled: number };
}

/** One error of a refused request, addressed by its JSON path (`/body/parameters/channel`). */
export interface FieldError {
  path: string;
  message: string;
  expected?: string;
}

export type ApiResult<Value> = { ok: true; value: Value } | { ok: false; message: string; problems: Problem[]; fieldErrors: FieldError[] };

function fieldErrorsOf(body: unknown): FieldError[] {
  const errors = (body as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.flatMap((error: { path?: unknown; message?: unknown; expected?: unknown }) =>
    typeof error?.path === 'string' && typeof error.message === 'string'
      ? [{ path: error.path, message: error.message, ...(typeof error.expected === 'string' ? { expected: error.expected } : {}) }]
      : [],
  );
}

export async function call<Value>(url: string, init: RequestInit, failure: string): Promise<ApiResult<Value>> {
  const response = await fetch(url, {
    ...init,
    cache: 'no-store',
    headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
  }).catch(() => undefined);
  if (!response) return { ok: false, message: `${failure}: the server could not be reached`, problems: [], fieldErrors: [] };
  if (response.ok) return { ok: true, value: (await response.json()) as Value };
  const body: unknown = await response.clone().json().catch(() => undefined);
  return { ok: false, message: await problemText(response, failure), problems: problemsFromServer(body), fieldErrors: fieldErrorsOf(body) };
}

export const createWorkflow = (name: string, definition: DraftDefinition) =>
  call<WorkflowInfo>('/api/v1/workflows', { method: 'POST', body: JSON.stringify({ name, definition }) }, 'Creating the workflow failed');

export const saveWorkflow = (id: string, changes: { name?: string; enabled?: boolean; definition?: DraftDefinition }) =>
  call<WorkflowInfo>(`/api/v1/workflows/${id}`, { method: 'PUT', body: JSON.stringify(changes) }, 'Saving failed');

export const getWorkflowDraft = (id: string) =>
  call<WorkflowInfo & { draft: Record<string, unknown> }>(`/api/v1/workflows/${id}`, { method: 'GET' }, 'Loading the workflow failed');

export const deleteWorkflow = (id: string) => call<WorkflowInfo>(`/api/v1/workflows/${id}`, { method: 'DELETE' }, 'Deleting failed');

export const publishWorkflow = (id: string) =>
  call<VersionInfo>(`/api/v1/workflows/${id}/publish`, { method: 'POST' }, 'Publishing failed');

export const listVersions = (id: string) =>
  call<{ items: VersionInfo[] }>(`/api/v1/workflows/${id}/versions`, { method: 'GET' }, 'Loading the versions failed');

/** The template a workflow was made from, as the designer shows it. */
export interface TemplateOrigin {
  key: string;
  name: string;
  version: number;
  latestVersion: number | null;
}

export interface ParameterInfo {
  name: string;
  schema: unknown;
  required: boolean;
}

/** `GET /api/v1/workflows/{id}/template-upgrade`: what upgrading to a newer template version would change. */
export interface UpgradePreview {
  template: { key: string; name: string };
  currentVersion: number;
  targetVersion: number;
  latestVersion: number;
  parameters: { added: ParameterInfo[]; removed: string[]; missing: ParameterInfo[]; problems: FieldError[] };
  diff: DefinitionDiff;
  draftEdited: boolean;
}

export const previewTemplateUpgrade = (id: string) =>
  call<UpgradePreview>(`/api/v1/workflows/${id}/template-upgrade`, { method: 'GET' }, 'Loading the upgrade failed');

export const upgradeTemplate = (id: string, version: number, parameters: Record<string, unknown>) =>
  call<WorkflowInfo & { draft: unknown; template: TemplateOrigin | null }>(
    `/api/v1/workflows/${id}/template-upgrade`,
    { method: 'POST', body: JSON.stringify({ version, parameters }) },
    'Upgrading failed',
  );
