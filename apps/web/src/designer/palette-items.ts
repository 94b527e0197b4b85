import { actionManifests } from '@cascade/actions/manifest';
import { NODE_TYPES, nodeTypes, type NodeType } from '@cascade/workflow';
import { inputSkeleton } from './action-input';
import type { RemoteActionOption } from './browser-catalog';
import { nodeCards, type NodeFamily } from './node-cards';

/** What dropping a palette entry does: add a node (with fields preset), or start the workflow on an event. */
export type PaletteDrop = { kind: 'node'; nodeType: NodeType; fields?: Record<string, unknown> } | { kind: 'trigger'; event: string };

export interface PaletteItem {
  /** Unique over the palette; also what a drag carries. */
  key: string;
  label: string;
  /** A second line: an action's id, an event's type, a node type's hint. */
  detail: string;
  family: NodeFamily;
  mark: string;
  drop: PaletteDrop;
  /** Lower-cased text the search looks in: names, ids, descriptions, an event's payload fields. */
  haystack: string;
}

export interface PaletteGroup {
  title: string;
  items: PaletteItem[];
}

export interface PaletteSection {
  title: string;
  groups: PaletteGroup[];
}

/** An event of the tenant's catalog as the palette offers it to the trigger. */
export interface PaletteEvent {
  type: string;
  displayName: string;
  category: string;
}

export interface PaletteInput {
  events: readonly PaletteEvent[];
  remoteActions: readonly RemoteActionOption[];
  /** The payload field paths of an event's latest version (`data.ticketId`), searched as well. */
  eventFields: (type: string) => readonly string[];
}

const haystackOf = (...parts: readonly string[]) => parts.join('\n').toLowerCase();

/** Entries grouped under their titles, in the order each title first appears. */
function grouped(entries: ReadonlyArray<{ group: string; item: PaletteItem }>): PaletteGroup[] {
  const groups = new Map<string, PaletteItem[]>();
  for (const { group, item } of entries) groups.set(group, [...(groups.get(group) ?? []), item]);
  return [...groups].map(([title, items]) => ({ title, items }));
}

/**
 * Everything the palette offers, from the registries it shows: every node type of
 * packages/workflow's registry, every built-in action's manifest and the tenant's remote actions,
 * and the tenant's event catalog for the trigger, grouped by category.
 */
export function paletteSections({ events, remoteActions, eventFields }: PaletteInput): PaletteSection[] {
  const nodes: PaletteItem[] = NODE_TYPES.map((type) => {
    const { label, hint } = nodeTypes[type].designer;
    return { key: `node:${type}`, label, detail: hint, family: nodeCards[type].family, mark: nodeCards[type].mark, drop: { kind: 'node', nodeType: type }, haystack: haystackOf(label, type, hint) };
  });
  const actionCard = nodeCards.action;
  const builtIn = actionManifests.map((manifest) => ({
    group: manifest.category,
    item: {
      key: `action:${manifest.id}`,
      label: manifest.label,
      detail: manifest.id,
      family: actionCard.family,
      mark: actionCard.mark,
      drop: { kind: 'node', nodeType: 'action', fields: { action: manifest.id, input: inputSkeleton(manifest.input) } },
      haystack: haystackOf(manifest.label, manifest.id, manifest.description, manifest.category),
    } satisfies PaletteItem,
  }));
  const remote = remoteActions.map((action) => ({
    group: 'Your actions',
    item: {
      key: `action:${action.id}`,
      label: action.label,
      detail: `${action.id} · remote`,
      family: actionCard.family,
      mark: actionCard.mark,
      drop: { kind: 'node', nodeType: 'action', fields: { action: action.id, input: {} } },
      haystack: haystackOf(action.label, action.id, action.description, 'remote'),
    } satisfies PaletteItem,
  }));
  const triggers = events.map((event) => ({
    group: event.category,
    item: {
      key: `event:${event.type}`,
      label: event.displayName,
      detail: event.type,
      family: nodeCards.trigger.family,
      mark: nodeCards.trigger.mark,
      drop: { kind: 'trigger', event: event.type },
      haystack: haystackOf(event.displayName, event.type, event.category, ...eventFields(event.type)),
    } satisfies PaletteItem,
  }));
  return [
    { title: 'Nodes', groups: [{ title: '', items: nodes }] },
    { title: 'Actions', groups: grouped([...builtIn, ...remote]) },
    { title: 'Trigger events', groups: grouped(triggers) },
  ];
}

/** The sections with only the entries holding every word of the query; empty groups and sections go. */
export function searchPalette(sections: readonly PaletteSection[], query: string): PaletteSection[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...sections];
  const matches = (item: PaletteItem) => words.every((word) => item.haystack.includes(word));
  return sections
    .map((section) => ({ ...section, groups: section.groups.map((group) => ({ ...group, items: group.items.filter(matches) })).filter((group) => group.items.length > 0) }))
    .filter((section) => section.groups.length > 0);
}

/** Every entry of the sections, in order: to find the one a drag carries by its key. */
export const paletteItems = (sections: readonly PaletteSection[]): PaletteItem[] => sections.flatMap((section) => section.groups.flatMap((group) => group.items));
