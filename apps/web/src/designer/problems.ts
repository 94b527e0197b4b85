import { PROBLEM_CODES, isWarning, type Problem, type ProblemCode } from '@cascade/workflow';
import { z } from 'zod';
import { bodyOf, type DraftDefinition, type DraftEdge, type DraftNode } from './draft';

/**
 * Which canvas node each problem belongs on: its own node, wherever it sits, unless it is inside a
 * body folded away (then on the outermost folded node holding it), or, for an edge with no node
 * named, the edge's source.
 */
export function problemsByNode(problems: readonly Problem[], definition: DraftDefinition, collapsed: ReadonlySet<string> = new Set()): Map<string, Problem[]> {
  const canvasNodeOf = new Map<string, string>();
  const edgeSource = new Map<string, string>();
  const visit = (graph: { nodes: readonly DraftNode[]; edges: readonly DraftEdge[] }, folded: string | undefined) => {
    for (const edge of graph.edges) edgeSource.set(edge.id, edge.from);
    for (const node of graph.nodes) {
      canvasNodeOf.set(node.id, folded ?? node.id);
      const body = bodyOf(node);
      if (body) visit(body, folded ?? (collapsed.has(node.id) ? node.id : undefined));
    }
  };
  visit(definition, undefined);
  const byNode = new Map<string, Problem[]>();
  for (const problem of problems) {
    const named = problem.nodeId ?? (problem.edgeId === undefined ? undefined : edgeSource.get(problem.edgeId));
    const nodeId = named === undefined ? undefined : canvasNodeOf.get(named);
    if (nodeId !== undefined) byNode.set(nodeId, [...(byNode.get(nodeId) ?? []), problem]);
  }
  return byNode;
}

/** `action_1 · input.message: Required`: where the problem is, then what it is. */
export function problemLabel(problem: Problem): string {
  const where = [problem.nodeId ?? (problem.edgeId ? `edge ${problem.edgeId}` : 'workflow'), problem.field].filter(Boolean).join(' · ');
  return `${where}: ${problem.message}`;
}

/** Errors before warnings, each in the order found: what blocks publishing comes first. */
export function errorsFirst(problems: readonly Problem[]): Problem[] {
  return [...problems.filter((problem) => !isWarning(problem)), ...problems.filter(isWarning)];
}

/** The problems of one field of a node, for the inspector to show beside that field. */
export function problemsAt(problems: readonly Problem[], field: string): Problem[] {
  return problems.filter((problem) => problem.field === field || problem.field?.startsWith(`${field}.`) || problem.field?.startsWith(`${field}[`));
}

const serverProblem = z.object({
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  field: z.string().optional(),
  code: z.string().optional(),
  message: z.string(),
  severity: z.literal('warning').optional(),
  // A malformed fix is dropped, not the problem it came with.
  fix: z.object({ value: z.unknown() }).optional().catch(undefined),
});

/**
 * The node-addressed problems of a refused publish (422 `errors`). Codes the browser does not know
 * (a newer server) are kept, shown as schema problems, rather than dropped.
 */
export function problemsFromServer(body: unknown): Problem[] {
  const errors = z.object({ errors: z.array(z.unknown()) }).safeParse(body);
  if (!errors.success) return [];
  return errors.data.errors.flatMap((item) => {
    const parsed = serverProblem.safeParse(item);
    if (!parsed.success) return [];
    const { code, fix, ...rest } = parsed.data;
    const withFix = fix && 'value' in fix ? { fix: { value: fix.value } } : {};
    return [{ ...rest, ...withFix, code: code !== undefined && Object.hasOwn(PROBLEM_CODES, code) ? (code as ProblemCode) : 'schema' }];
  });
}
