import { z } from 'zod';
import { formatFieldPath, valueAtPath } from '../definition/mapping';
import { edgeSchema, workflowDefinitionSchema, type WorkflowEdge } from '../definition/workflow';
import { isNodeType, NODE_TYPES, nodeTypes, type ShallowNode } from '../nodes';
import { problemAt, type Problem, type ProblemSite } from './problems';

/** A node as far as it could be read: in the graph whenever it has an id, checked further when it parsed. */
export interface ParsedNode {
  id: string;
  type: string;
  site: ProblemSite;
  /** Present when the node's own fields parsed. */
  node?: ShallowNode;
  /** A forEach's body, parsed as a flow of its own. */
  body?: ParsedFlow;
}

/** A graph: the workflow's top level, or a forEach body (whose `owner` is the forEach). */
export interface ParsedFlow {
  owner?: ParsedNode;
  nodes: ParsedNode[];
  edges: WorkflowEdge[];
}

export interface ParsedWorkflow {
  root: ParsedFlow;
  /** Names declared in `variables`. */
  declaredVariables: string[];
  problems: Problem[];
}

const envelopeSchema = workflowDefinitionSchema.extend({ nodes: z.array(z.unknown()), edges: z.array(z.unknown()) });

/**
 * Parses a definition node by node and edge by edge, so that one broken node neither hides the
 * problems of the others nor keeps them out of the graph checks that follow.
 */
export function parseLeniently(input: unknown): ParsedWorkflow {
  const problems: Problem[] = [];
  const envelope = envelopeSchema.safeParse(input);
  if (!envelope.success) problems.push(...schemaProblems(envelope.error.issues, {}, input));
  const raw = isRecord(input) ? input : {};
  const root = parseFlow(raw.nodes, raw.edges, undefined, problems);
  return { root, declaredVariables: isRecord(raw.variables) ? Object.keys(raw.variables) : [], problems };
}

function parseFlow(rawNodes: unknown, rawEdges: unknown, owner: ParsedNode | undefined, problems: Problem[]): ParsedFlow {
  // Items without an id are addressed by position: `nodes[3]`, or `body.nodes[3]` of the forEach.
  const positional = (collection: 'nodes' | 'edges', index: number): ProblemSite =>
    owner ? { nodeId: owner.id, fieldPrefix: `body.${collection}[${index}]` } : { fieldPrefix: `${collection}[${index}]` };
  const flow: ParsedFlow = { ...(owner ? { owner } : {}), nodes: [], edges: [] };
  asArray(rawNodes).forEach((raw, index) => {
    const id = idOf(raw);
    const parsed = parseNode(raw, id, id === undefined ? positional('nodes', index) : { nodeId: id }, problems);
    if (parsed) flow.nodes.push(parsed);
  });
  asArray(rawEdges).forEach((raw, index) => {
    const result = edgeSchema.safeParse(raw);
    const id = idOf(raw);
    if (result.success) flow.edges.push(result.data);
    else problems.push(...schemaProblems(result.error.issues, id === undefined ? positional('edges', index) : { edgeId: id }, raw));
  });
  return flow;
}

/** The node, in the graph as soon as it has an id, even when its other fields are broken. */
function parseNode(raw: unknown, id: string | undefined, site: ProblemSite, problems: Problem[]): ParsedNode | undefined {
  if (!isRecord(raw)) {
    problems.push(problemAt(site, 'schema', 'A node is a JSON object'));
    return undefined;
  }
  // Not String(raw.type): an object whose `toString` is not a function makes it throw.
  const type = typeof raw.type === 'string' ? raw.type : (JSON.stringify(raw.type) ?? 'none');
  const parsed: ParsedNode | undefined = id === undefined ? undefined : { id, type, site };
  if (!isNodeType(raw.type)) {
    const written = raw.type === undefined ? 'A node needs a type' : `${JSON.stringify(raw.type)} is not a node type`;
    problems.push(problemAt(site, 'unknown-node-type', `${written}; the types are ${NODE_TYPES.join(', ')}`, 'type'));
    return parsed;
  }
  const result = nodeTypes[raw.type].schema.safeParse(raw);
  if (!result.success) problems.push(...schemaProblems(result.error.issues, site, raw, raw.type));
  else if (parsed) parsed.node = result.data as ShallowNode;
  if (raw.type === 'forEach' && isRecord(raw.body) && parsed) parsed.body = parseFlow(raw.body.nodes, raw.body.edges, parsed, problems);
  return parsed;
}

function schemaProblems(issues: z.core.$ZodIssue[], site: ProblemSite, raw: unknown, nodeType?: string): Problem[] {
  return issues.flatMap((issue) => {
    const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => problemAt(site, 'schema', `Unknown field "${key}"`, formatFieldPath([...path, key])));
    }
    const field = formatFieldPath(path) || undefined;
    const missing = path.length > 0 && valueAtPath(raw, path) === undefined;
    if (missing && nodeType === 'waitForEvent' && field === 'correlation') {
      const message = 'A waitForEvent needs a correlation: an expression on the awaited event that must equal one on this run';
      return [problemAt(site, 'missing-correlation', message, field)];
    }
    const expected = issue.code === 'invalid_type' ? ` (expected ${issue.expected})` : '';
    return [problemAt(site, 'schema', missing ? `Required${expected}` : issue.message, field)];
  });
}

function idOf(item: unknown): string | undefined {
  return isRecord(item) && typeof item.id === 'string' && item.id !== '' ? item.id : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
