import { isNodeType, type LooseNode, type NodeType } from '@cascade/workflow';
import { toAmountAndUnit } from './duration-units';

/** One line of a card: what a field is and what the node holds there, as the admin wrote it. */
export interface CardFact {
  label: string;
  value: string;
  /** An expression or an id: drawn in monospace. */
  code?: boolean;
}

/** The kind of work a node does: its card's colour and icon family on the canvas and the palette. */
export type NodeFamily = 'start' | 'work' | 'flow' | 'time' | 'finish';

export interface NodeCard {
  family: NodeFamily;
  /** Two letters on the card's badge, the type at a glance. */
  mark: string;
  /** The essentials of the node, most telling first; the card shows the first `CARD_FACTS`. */
  facts: (node: LooseNode) => CardFact[];
}

/** Every card has this many fact lines, written or not, so its height is known before it is drawn. */
export const CARD_FACTS = 3;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const MISSING = '—';

/** A mapping value as written: a literal as JSON, an expression as its text. */
export function mappingText(value: unknown): string {
  if (typeof value === 'object' && value !== null && typeof (value as { $expr?: unknown }).$expr === 'string') return (value as { $expr: string }).$expr;
  return typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? '');
}

const entriesOf = (value: unknown): Array<[string, unknown]> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.entries(value) : []);
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
/** `PT15M` reads "15 minutes" (one minute, not "1 minutes"); other ISO durations stay as written. */
function durationText(value: unknown): string {
  const parsed = toAmountAndUnit(text(value));
  if (!parsed) return text(value) || MISSING;
  return `${parsed.amount} ${parsed.amount === 1 ? parsed.unit.slice(0, -1) : parsed.unit}`;
}

/** The first keys of a mapping as `key = value` facts: what an action or a sub-workflow is given. */
function mappingFacts(mapping: unknown, empty: string): CardFact[] {
  const entries = entriesOf(mapping);
  if (entries.length === 0) return [{ label: 'Input', value: empty }];
  return entries.map(([key, value]) => ({ label: key, value: mappingText(value) || MISSING, code: true }));
}

function calendarText(calendar: unknown): string {
  const { days, from, to, timeZone } = (calendar ?? {}) as Record<string, unknown>;
  const dayList = listOf(days).map(text).filter(Boolean);
  const span = dayList.length > 1 ? `${dayList[0]}–${dayList.at(-1)}` : (dayList[0] ?? '');
  return [span, text(from) && text(to) ? `${text(from)}–${text(to)}` : '', text(timeZone)].filter(Boolean).join(' ');
}

/**
 * The card of each node type: a `Record` over the registry's types, so a new type in
 * packages/workflow/src/nodes does not compile until it says what its card shows.
 */
export const nodeCards: Record<NodeType, NodeCard> = {
  trigger: {
    family: 'start',
    mark: 'Tr',
    facts: (node) => [
      { label: 'Event', value: text(node.event) || 'none chosen', code: true },
      { label: 'Filter', value: text(node.filter) || 'every event', code: Boolean(node.filter) },
    ],
  },
  action: {
    family: 'work',
    mark: 'Ac',
    facts: (node) => [{ label: 'Action', value: text(node.action) || 'none chosen', code: true }, ...mappingFacts(node.input, 'nothing mapped')],
  },
  condition: { family: 'flow', mark: 'If', facts: (node) => [{ label: 'If', value: text(node.expression) || MISSING, code: true }] },
  switch: {
    family: 'flow',
    mark: 'Sw',
    facts: (node) => {
      const cases = listOf(node.cases).map((c) => c as { port?: unknown; expression?: unknown });
      if (cases.length === 0) return [{ label: 'Cases', value: 'none yet' }];
      return cases.map((c) => ({ label: text(c.port) || 'case', value: text(c.expression) || MISSING, code: true }));
    },
  },
  parallel: { family: 'flow', mark: 'Pa', facts: () => [{ label: 'Runs', value: 'every branch of next side by side' }] },
  join: { family: 'flow', mark: 'Jo', facts: (node) => [{ label: 'Waits for', value: node.mode === 'any' ? 'the first branch' : 'all branches' }] },
  forEach: {
    family: 'flow',
    mark: 'Fe',
    facts: (node) => [
      { label: 'Items', value: text(node.items) || MISSING, code: true },
      { label: 'Body', value: `${listOf((node.body as { nodes?: unknown } | undefined)?.nodes).length} node(s), ${typeof node.concurrency === 'number' ? node.concurrency : 1} at a time` },
    ],
  },
  delay: {
    family: 'time',
    mark: 'De',
    facts: (node) => [
      node.until !== undefined && node.duration === undefined ? { label: 'Until', value: text(node.until) || MISSING, code: true } : { label: 'For', value: durationText(node.duration) },
      ...(node.calendar ? [{ label: 'Calendar', value: calendarText(node.calendar) || 'business hours' }] : []),
    ],
  },
  waitForEvent: {
    family: 'time',
    mark: 'Wa',
    facts: (node) => {
      const correlation = (node.correlation ?? {}) as Record<string, unknown>;
      return [
        { label: 'Event', value: text(node.event) || 'none chosen', code: true },
        { label: 'Match', value: `${text(correlation.event) || MISSING} = ${text(correlation.run) || MISSING}`, code: true },
        { label: 'Timeout', value: durationText(node.timeout) },
      ];
    },
  },
  approval: {
    family: 'time',
    mark: 'Ap',
    facts: (node) => [
      { label: 'Title', value: text(node.title) || 'untitled' },
      { label: 'Assignees', value: listOf(node.assignees).map(mappingText).map((a) => a.replace(/^"(.*)"$/, '$1')).join(', ') || 'nobody' },
      { label: 'Timeout', value: durationText(node.timeout) },
    ],
  },
  emit: {
    family: 'work',
    mark: 'Em',
    facts: (node) => [
      { label: 'Event', value: text(node.event) ? `${text(node.event)}${typeof node.version === 'number' ? ` v${node.version}` : ''}` : 'none chosen', code: true },
      ...mappingFacts(node.data, 'no payload mapped'),
    ],
  },
  setVariables: {
    family: 'work',
    mark: 'Va',
    facts: (node) => {
      const entries = entriesOf(node.assign);
      return entries.length === 0 ? [{ label: 'Assigns', value: 'nothing yet' }] : entries.map(([key, value]) => ({ label: `vars.${key}`, value: mappingText(value), code: true }));
    },
  },
  subWorkflow: {
    family: 'work',
    mark: 'Sub',
    facts: (node) => [
      { label: 'Workflow', value: text(node.workflow) ? `${text(node.workflow)} v${String(node.version ?? '?')}` : 'none chosen', code: Boolean(node.workflow) },
      ...mappingFacts(node.input, 'nothing mapped'),
    ],
  },
  end: { family: 'finish', mark: 'End', facts: () => [{ label: 'Ends', value: 'this branch' }] },
  fail: { family: 'finish', mark: 'Fa', facts: (node) => [{ label: 'Message', value: text(node.message) || MISSING, code: true }] },
};

const UNKNOWN_CARD: NodeCard = { family: 'finish', mark: '?', facts: (node) => [{ label: 'Type', value: `unknown type "${node.type}"` }] };

/** The card of a node's type; a draft may hold a type the registry does not know. */
export const nodeCardOf = (type: string): NodeCard => (isNodeType(type) ? nodeCards[type] : UNKNOWN_CARD);

/** The facts a card shows: always `CARD_FACTS` lines, the last saying how many more there are. */
export function cardFacts(node: LooseNode): CardFact[] {
  const facts = nodeCardOf(node.type).facts(node);
  if (facts.length <= CARD_FACTS) return facts;
  const more = facts.length - CARD_FACTS + 1;
  return [...facts.slice(0, CARD_FACTS - 1), { label: '', value: `and ${more} more` }];
}
