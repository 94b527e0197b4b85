import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { RunInput } from '@cascade/temporal';
import { NODE_TYPES, nodeTypes, type WorkflowDefinition, type WorkflowEdge, type WorkflowNode } from '@cascade/workflow';
import { defaultPayloadConverter, type WorkflowHandle } from '@temporalio/client';
import type { History } from '@temporalio/common/lib/proto-utils';

/**
 * Recorded interpreter histories: the replay test's fixtures (workflows/interpreter/histories/*.json), written by
 * scripts/record-histories.ts. A fixture is one scenario: the histories of the runs it took, and
 * what they went through, so the replay test can tell when a node type or port lost its fixture.
 */

/**
 * Temporal's JSON form of a history (what its CLI and UI export). Not through historyToJSON and
 * historyFromJSON of @temporalio/common: npm nests a copy of protobufjs under both
 * @temporalio/common and @temporalio/proto here, and those helpers then refuse the proto's types
 * ("type must be a Type"). This takes protobufjs's JSON codec from the copy the types belong to.
 */
const requireProto = createRequire(createRequire(createRequire(import.meta.url).resolve('@temporalio/common')).resolve('@temporalio/proto'));
const { toJson, fromJson } = requireProto('protobufjs/ext/protojson') as {
  toJson(type: unknown, message: unknown): unknown;
  fromJson(type: unknown, json: unknown, options: { ignoreUnknownFields: boolean }): History | null;
};
const { patchProtobufRoot } = requireProto('@temporalio/proto/lib/patch-protobuf-root') as { patchProtobufRoot<T>(root: T): { lookupType(name: string): unknown } };
const historyType = patchProtobufRoot(requireProto('@temporalio/proto')).lookupType('temporal.api.history.v1.History') as { fromObject(history: History): unknown };

export const HISTORIES_DIR = fileURLToPath(new URL('../workflows/interpreter/histories/', import.meta.url));

export interface HistoryFixture {
  /** The file's name without `.json`. */
  name: string;
  /** What the runs went through, in the terms of `coverageOf` (`condition:true`, `join.any`, …). */
  covers: string[];
  /**
   * Each run's history as Temporal exports it, with the workflow id it ran under: a replay must
   * use the same one, because a sub-workflow's child id derives from it.
   */
  runs: Array<{ workflowId: string; history: unknown }>;
}

/**
 * Every term a fixture set must cover: each node type, each of its ports other than `error`
 * (a switch's own case ports as `switch:case`), `action:error`, and the variants that take
 * other paths through the interpreter.
 */
export const REQUIRED_COVERAGE: readonly string[] = [
  ...NODE_TYPES,
  ...NODE_TYPES.flatMap((type) => nodeTypes[type].ports.filter((port) => port !== 'error').map((port) => `${type}:${port}`)),
  'switch:case',
  'action:error',
  'trigger.filter',
  'join.all',
  'join.any',
  'forEach.concurrency>1',
  'delay.duration',
  'delay.until',
  'approval.escalation',
  'continueAsNew',
];

export function readHistoryFixtures(): HistoryFixture[] {
  return readdirSync(HISTORIES_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ name: file.slice(0, -'.json'.length), ...(JSON.parse(readFileSync(HISTORIES_DIR + file, 'utf8')) as Omit<HistoryFixture, 'name'>) }));
}

/** The finished runs' histories as a fixture; `handles` name the runs, so a continued run's earlier ones can be taken too. */
export async function fetchHistoryFixture(name: string, covers: string[], handles: WorkflowHandle[]): Promise<HistoryFixture> {
  const runs = [];
  for (const handle of handles) {
    runs.push({ workflowId: handle.workflowId, history: toJson(historyType, historyType.fromObject(await handle.fetchHistory())) });
  }
  return { name, covers, runs };
}

export function writeHistoryFixture({ name, ...fixture }: HistoryFixture): void {
  writeFileSync(`${HISTORIES_DIR}${name}.json`, `${JSON.stringify(fixture, null, 1)}\n`);
}

export function parseHistory(json: unknown): History {
  const history = fromJson(historyType, json, { ignoreUnknownFields: true });
  if (!history?.events?.length) throw new Error('Not a history in Temporal\'s JSON form');
  return history;
}

/** The run input a history started with: its first event's argument. */
export function runInputOf(history: History): RunInput {
  const payload = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  if (!payload) throw new Error('The history does not start with a workflow execution and its input');
  return defaultPayloadConverter.fromPayload<RunInput>(payload);
}

function continuedAsNew(history: History): boolean {
  return history.events?.some((event) => event.workflowExecutionContinuedAsNewEventAttributes) ?? false;
}

/** Every term of REQUIRED_COVERAGE that the recorded histories could have gone through. */
export function coverageOf(fixture: HistoryFixture): Set<string> {
  const terms = new Set<string>();
  for (const { history: json } of fixture.runs) {
    const history = parseHistory(json);
    if (continuedAsNew(history)) terms.add('continueAsNew');
    const { definition } = runInputOf(history);
    addFlow(terms, definition.nodes, definition.edges);
  }
  return terms;
}

/** Definitions the recorded runs executed, top-level runs and children alike. */
export function definitionsOf(fixture: HistoryFixture): WorkflowDefinition[] {
  return fixture.runs.map(({ history }) => runInputOf(parseHistory(history)).definition);
}

/** `owner`: the forEach whose body this flow is; its `item` edges live in the body. */
function addFlow(terms: Set<string>, nodes: readonly WorkflowNode[], edges: readonly WorkflowEdge[], owner?: WorkflowNode): void {
  const sources = new Map([...nodes, ...(owner ? [owner] : [])].map((node) => [node.id, node]));
  for (const node of nodes) {
    terms.add(node.type);
    if (node.type === 'trigger' && node.filter) terms.add('trigger.filter');
    if (node.type === 'join') terms.add(`join.${node.mode}`);
    if (node.type === 'delay') terms.add(node.duration !== undefined ? 'delay.duration' : 'delay.until');
    if (node.type === 'approval' && node.escalation) terms.add('approval.escalation');
    if (node.type === 'forEach') {
      if (node.concurrency > 1) terms.add('forEach.concurrency>1');
      addFlow(terms, node.body.nodes, node.body.edges, node);
    }
  }
  for (const edge of edges) {
    const from = sources.get(edge.from);
    if (!from) continue;
    const port = edge.port ?? 'next';
    const own = nodeTypes[from.type].ports.includes(port);
    terms.add(`${from.type}:${from.type === 'switch' && !own ? 'case' : port}`);
  }
}
