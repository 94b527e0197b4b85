import type { NodeType } from '@cascade/workflow';
import { bodyOf, type DraftNode } from './draft';

/** How the palette and the canvas name each node type, and what it does in a word. */
export const NODE_TYPE_INFO: Record<NodeType, { label: string; hint: string }> = {
  trigger: { label: 'Trigger', hint: 'The event that starts the workflow' },
  action: { label: 'Action', hint: 'Calls an action from the registry' },
  condition: { label: 'Condition', hint: 'Branches on true or false' },
  switch: { label: 'Switch', hint: 'One branch per matching case' },
  parallel: { label: 'Parallel', hint: 'Runs branches side by side' },
  join: { label: 'Join', hint: 'Waits for parallel branches' },
  forEach: { label: 'For each', hint: 'Repeats a body per item' },
  delay: { label: 'Delay', hint: 'Waits for a duration or an instant' },
  waitForEvent: { label: 'Wait for event', hint: 'Waits for a correlated event' },
  approval: { label: 'Approval', hint: 'Asks people to decide' },
  emit: { label: 'Emit event', hint: 'Publishes a follow-up event' },
  setVariables: { label: 'Set variables', hint: 'Assigns run variables' },
  subWorkflow: { label: 'Sub-workflow', hint: 'Runs a pinned workflow version' },
  end: { label: 'End', hint: 'Ends the branch' },
  fail: { label: 'Fail', hint: 'Fails the run with a message' },
};

const MAX_SUMMARY = 60;
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const clip = (summary: string) => (summary.length > MAX_SUMMARY ? `${summary.slice(0, MAX_SUMMARY - 1)}…` : summary);
const keysOf = (value: unknown) => (typeof value === 'object' && value !== null ? Object.keys(value) : []);

/** One line saying what the node does, for its card on the canvas. */
export function nodeSummary(node: DraftNode): string {
  return clip(summaryOf(node));
}

function summaryOf(node: DraftNode): string {
  switch (node.type as NodeType) {
    case 'trigger':
      return `${text(node.event) || 'no event chosen'}${node.filter ? ` if ${text(node.filter)}` : ''}`;
    case 'action':
      return text(node.action) || 'no action chosen';
    case 'condition':
      return text(node.expression) || 'no expression';
    case 'switch':
      return `${Array.isArray(node.cases) ? node.cases.length : 0} case(s) and default`;
    case 'join':
      return `waits for ${node.mode === 'any' ? 'any branch' : 'all branches'}`;
    case 'forEach':
      return `each of ${text(node.items) || '…'} · body of ${bodyOf(node)?.nodes.length ?? 0} node(s)`;
    case 'delay':
      return node.duration ? `for ${text(node.duration)}` : `until ${text(node.until) || '…'}`;
    case 'waitForEvent':
      return `${text(node.event) || 'no event chosen'} within ${text(node.timeout) || '…'}`;
    case 'approval':
      return text(node.title) || 'untitled';
    case 'emit':
      return text(node.event) || 'no event chosen';
    case 'setVariables':
      return keysOf(node.assign).join(', ') || 'nothing assigned';
    case 'subWorkflow':
      return node.workflow ? `${text(node.workflow)} v${String(node.version ?? '?')}` : 'no workflow chosen';
    case 'fail':
      return text(node.message);
    case 'parallel':
    case 'end':
      return NODE_TYPE_INFO[node.type as NodeType].hint.toLowerCase();
    default:
      return `unknown type "${node.type}"`;
  }
}
