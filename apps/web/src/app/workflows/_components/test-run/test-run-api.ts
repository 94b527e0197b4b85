import type { TestRunView } from '@/server/test-runs/test-run-view';
import { call } from '../api';

/** The test-run routes as the designer's test panel calls them (same-origin, with the session cookie). */

export type { TestRunView };
export type StubSetting = { mode: 'stub'; output: unknown } | { mode: 'allow' };

export interface TestPlan {
  sample: { type: string; data: unknown } | null;
  actions: Array<{ nodeId: string; actionId: string; stubbedByDefault: boolean; cannedOutput: unknown }>;
}

export type TestRunStart = { event: { data: unknown }; stubs: Record<string, StubSetting> } | { eventId: string; stubs: Record<string, StubSetting> };

export type TestRunAnswer =
  | { kind: 'event'; key: string; data: unknown }
  | { kind: 'approval'; key: string; outcome: 'approved' | 'rejected'; data: Record<string, unknown> }
  | { kind: 'skipDelay'; key: string };

export const loadTestPlan = (workflowId: string) => call<TestPlan>(`/api/v1/workflows/${workflowId}/test-plan`, { method: 'GET' }, 'Loading the test plan failed');

export const startTestRun = (workflowId: string, start: TestRunStart) =>
  call<TestRunView>(`/api/v1/workflows/${workflowId}/test-runs`, { method: 'POST', body: JSON.stringify(start) }, 'The test run did not start');

export const answerTestRun = (workflowId: string, testRunId: string, answer: TestRunAnswer) =>
  call<TestRunView>(`/api/v1/workflows/${workflowId}/test-runs/${testRunId}/answers`, { method: 'POST', body: JSON.stringify(answer) }, 'The answer was refused');

export const testRunUrl = (workflowId: string, testRunId: string) => `/api/v1/workflows/${workflowId}/test-runs/${testRunId}`;
