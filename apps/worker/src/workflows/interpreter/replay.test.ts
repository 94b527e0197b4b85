import type { RunInput } from '@cascade/temporal';
import { NODE_TYPES, type WorkflowNode } from '@cascade/workflow';
import { defaultPayloadConverter } from '@temporalio/common';
import type { History } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode, DefaultLogger, Worker, type ReplayResult } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { beforeAll, describe, expect, it } from 'vitest';
import { coverageOf, parseHistory, readHistoryFixtures, REQUIRED_COVERAGE, runInputOf } from '../../testing/history-fixtures';
import { WORKFLOWS_PATH } from '../../worker';

// Replays the recorded histories in ./histories against the interpreter as it is now: a change
// that would make running workflows fail on their next replay (nondeterminism) fails here first.
// A change that is meant to alter a node's commands needs `patched()`, not new fixtures.
//
// To re-record them (after adding a scenario, or when a change is deliberately incompatible and
// old runs are drained), from the repository root, on a committed interpreter:
//
//   node --import tsx apps/worker/scripts/record-histories.ts [scenario name pattern]
//
// The scenarios live in ../testing/record-histories.ts, one fixture each.

const fixtures = readHistoryFixtures();

/** A recorded history whose definition the test changes, so replay must refuse it. */
const ALTERED = 'delay-duration-and-until';

/** The same history, started with its delays turned into setVariables: no timers where it has them. */
function withoutDelays(json: unknown): History {
  const history = parseHistory(json);
  const attributes = history.events![0]!.workflowExecutionStartedEventAttributes!;
  const input = runInputOf(history);
  const altered: RunInput = {
    ...input,
    definition: {
      ...input.definition,
      nodes: input.definition.nodes.map((node): WorkflowNode => (node.type === 'delay' ? { id: node.id, type: 'setVariables', assign: {} } : node)),
    },
  };
  attributes.input!.payloads = [defaultPayloadConverter.toPayload(altered)];
  return history;
}

const results = new Map<string, ReplayResult[]>();
let alteredResult: ReplayResult | undefined;

beforeAll(async () => {
  // One bundle and one replay worker for every history: replaying is cheap, bundling is not.
  const workflowBundle = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: new DefaultLogger('WARN') });
  const histories = fixtures.flatMap((fixture) => fixture.runs.map((run) => ({ fixture: fixture.name, workflowId: run.workflowId, history: parseHistory(run.history) })));
  const altered = fixtures.find((fixture) => fixture.name === ALTERED)?.runs[0];
  if (altered) histories.push({ fixture: '', workflowId: altered.workflowId, history: withoutDelays(altered.history) });
  // Histories replay one at a time, and results come back in their order.
  let index = 0;
  for await (const result of Worker.runReplayHistories({ workflowBundle }, histories)) {
    const { fixture } = histories[index++]!;
    if (fixture) results.set(fixture, [...(results.get(fixture) ?? []), result]);
    else alteredResult = result;
  }
});

describe('recorded interpreter histories', () => {
  it.each(fixtures.map((fixture) => fixture.name))('%s replays on the current interpreter', (name) => {
    const replayed = results.get(name) ?? [];
    expect(replayed, `replays of ${name}`).toHaveLength(fixtures.find((fixture) => fixture.name === name)!.runs.length);
    const failures = replayed.filter((result) => result.error).map((result) => `${name} (${result.workflowId}): ${result.error!.name}: ${result.error!.message}`);
    expect(failures, `nondeterminism in fixture ${name}`).toEqual([]);
  });

  it('fails a history whose commands the code no longer produces', () => {
    expect(alteredResult, `fixture ${ALTERED} is missing`).toBeDefined();
    expect(alteredResult!.error).toBeInstanceOf(DeterminismViolationError);
  });

  it('cover every node type and port, each claim backed by the definitions they ran', () => {
    const claimed = new Set<string>();
    const ran = new Set<string>();
    for (const fixture of fixtures) {
      const backed = coverageOf(fixture);
      expect(fixture.covers.filter((term) => !backed.has(term)), `claims of ${fixture.name} its definitions do not back`).toEqual([]);
      for (const term of fixture.covers) claimed.add(term);
      for (const term of backed) ran.add(term);
    }
    expect(NODE_TYPES.filter((type) => !ran.has(type)), 'node types no recorded definition has').toEqual([]);
    expect(REQUIRED_COVERAGE.filter((term) => !claimed.has(term)), 'terms no fixture covers').toEqual([]);
  });
});
