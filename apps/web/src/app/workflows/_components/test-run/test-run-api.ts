import type { DraftPins, StoredPin } from '@/server/test-runs/draft-pins';
import type { PinnedItem, PinnedItems } from '@/server/test-runs/pinned-items';
import type { TestRunSummary } from '@/server/test-runs/list-test-runs';
import type { TestRunView } from '@/server/test-runs/test-run-view';
import { call } from '../api';

/** The test-run routes as the designer's test panel calls them (same-origin, with the session cookie). */

export type { TestRunSummary, TestRunView };
export type StubSetting = { mode: 'stub'; output: unknown } | { mode: 'allow' };

export interface TestPlan {
  sample: { type: string; data: unknown } | null;
  actions: Array<{ nodeId: string; actionId: string; stubbedByDefault: boolean; cannedOutput: unknown }>;
}

/** Which part of the draft a test runs: the node alone, up to it, or from it (with the draft's pins). */
export interface TestScope {
  mode: 'node' | 'upTo' | 'from';
  nodeId: string;
}

export type TestRunStart = ({ event: { data: unknown } } | { eventId: string }) & { stubs: Record<string, StubSetting>; scope?: TestScope };

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

export const loadTestRun = (workflowId: string, testRunId: string) => call<TestRunView>(testRunUrl(workflowId, testRunId), { method: 'GET' }, 'Loading the test run failed');

/** Past test runs the panel shows at a time. */
export const RECENT_TEST_RUNS = 10;

/** A page of the workflow's past test runs, newest first; `cursor` is the previous page's `nextCursor`. */
export const listTestRuns = (workflowId: string, cursor?: string) =>
  call<{ items: TestRunSummary[]; nextCursor: string | null }>(
    `/api/v1/workflows/${workflowId}/test-runs?limit=${RECENT_TEST_RUNS}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    { method: 'GET' },
    'Loading the past test runs failed',
  );

export type { DraftPins, PinnedItem, PinnedItems, StoredPin };
export type PinsAnswer = { pins: DraftPins; items: PinnedItems; warnings: Array<{ path: string; message: string }> };
export type PinRequest = { kind: 'typed'; output: unknown } | { kind: 'sample' } | { kind: 'run'; runId: string };

export const loadPins = (workflowId: string) => call<PinsAnswer>(`/api/v1/workflows/${workflowId}/pins`, { method: 'GET' }, 'Loading the pinned data failed');

/** Pins `source`'s output to the node, or unpins it given null. */
export const pinNode = (workflowId: string, nodeId: string, source: PinRequest | null) =>
  call<PinsAnswer>(`/api/v1/workflows/${workflowId}/pins`, { method: 'PUT', body: JSON.stringify({ nodeId, source }) }, 'The pin was refused');

/** Pins the item (and its index) a test of a node inside `nodeId`'s body runs with, or unpins it given null. */
export const pinBodyItem = (workflowId: string, nodeId: string, item: { value: unknown; index: number } | null) =>
  call<PinsAnswer>(`/api/v1/workflows/${workflowId}/pins`, { method: 'PUT', body: JSON.stringify({ nodeId, item }) }, 'The item was refused');

/** Pins every output a past run recorded for the draft's nodes. */
export const pinRun = (workflowId: string, fromRunId: string) =>
  call<PinsAnswer>(`/api/v1/workflows/${workflowId}/pins`, { method: 'PUT', body: JSON.stringify({ fromRunId }) }, 'Pinning the run’s outputs was refused');

export const SCOPE_LABELS: Record<TestScope['mode'], string> = { node: 'Test this node', upTo: 'Run up to here', from: 'Run from here' };
