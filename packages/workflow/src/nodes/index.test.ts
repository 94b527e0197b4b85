import { describe, expect, it } from 'vitest';
import { BODY_PORT } from '../definition/port-names';
import { bodyPortOf, NODE_TYPES, nodeTypes } from '.';

describe('the node type registry', () => {
  it('files each node type under its own type name, with designer metadata', () => {
    for (const type of NODE_TYPES) {
      expect(nodeTypes[type].type).toBe(type);
      expect(nodeTypes[type].designer.label).not.toBe('');
    }
  });

  it('requires only ports a type has', () => {
    for (const type of NODE_TYPES) {
      const { ports, requiredPorts = [] } = nodeTypes[type];
      expect(requiredPorts.filter((port) => !ports.includes(port)), type).toEqual([]);
    }
  });

  it('enters a body only by a port of the type that holds it', () => {
    expect(bodyPortOf('forEach')).toBe(BODY_PORT);
    expect(bodyPortOf('parallel')).toBeUndefined();
    expect(bodyPortOf('toString')).toBeUndefined();
    for (const type of NODE_TYPES) {
      const port = bodyPortOf(type);
      if (port !== undefined) expect(nodeTypes[type].ports, type).toContain(port);
    }
  });

  it('gives each new node fields its schema accepts where no choice is awaited', () => {
    const context = { id: 'n1', triggerEvent: 'INVOICE_OVERDUE', nextId: (type: string) => `${type}_9` };
    const awaitingChoice = ['action', 'emit', 'subWorkflow'];
    for (const type of NODE_TYPES.filter((t) => !awaitingChoice.includes(t))) {
      const node = { id: 'n1', type, ...nodeTypes[type].designer.initialFields(context) };
      expect(nodeTypes[type].schema.safeParse(node).error?.issues ?? [], type).toEqual([]);
    }
  });
});
