import { actionManifests } from '@cascade/actions/manifest';
import { NODE_TYPES } from '@cascade/workflow';
import { describe, expect, it } from 'vitest';
import { paletteItems, paletteSections, searchPalette } from './palette-items';

const events = [
  { type: 'TICKET_SLA_STAGE_BREACHED', displayName: 'Ticket SLA stage breached', category: 'Support' },
  { type: 'INVOICE_OVERDUE', displayName: 'Invoice overdue', category: 'Billing' },
  { type: 'INVOICE_PAID', displayName: 'Invoice paid', category: 'Billing' },
];
const fields: Record<string, string[]> = { INVOICE_OVERDUE: ['data.invoiceId', 'data.amountDue'], INVOICE_PAID: ['data.invoiceId'] };
const sections = paletteSections({
  events,
  remoteActions: [{ id: 'acme.open_case', label: 'Open a case', description: 'Opens a case in Acme CRM' }],
  eventFields: (type) => fields[type] ?? [],
});
const keys = (query: string) => paletteItems(searchPalette(sections, query)).map((item) => item.key);

describe('the palette', () => {
  it('lists every node type, every built-in and remote action, and the events grouped by category', () => {
    expect(sections.map((section) => section.title)).toEqual(['Nodes', 'Actions', 'Trigger events']);
    expect(sections[0]!.groups[0]!.items.map((item) => item.key)).toEqual(NODE_TYPES.map((type) => `node:${type}`));
    const actions = paletteItems([sections[1]!]);
    expect(actions.map((item) => item.key)).toEqual(expect.arrayContaining([...actionManifests.map((m) => `action:${m.id}`), 'action:acme.open_case']));
    expect(actions).toHaveLength(actionManifests.length + 1);
    expect(sections[1]!.groups.at(-1)).toMatchObject({ title: 'Your actions' });
    expect(sections[2]!.groups.map((group) => [group.title, group.items.map((item) => item.detail)])).toEqual([
      ['Support', ['TICKET_SLA_STAGE_BREACHED']],
      ['Billing', ['INVOICE_OVERDUE', 'INVOICE_PAID']],
    ]);
  });

  it('drops an action as an action node with its id and required input keys, an event as the trigger’s event', () => {
    const log = paletteItems(sections).find((item) => item.key === 'action:core.log');
    expect(log?.drop).toEqual({ kind: 'node', nodeType: 'action', fields: { action: 'core.log', input: { message: '' } } });
    expect(paletteItems(sections).find((item) => item.key === 'event:INVOICE_PAID')?.drop).toEqual({ kind: 'trigger', event: 'INVOICE_PAID' });
  });

  it('searches names, ids, descriptions and an event’s payload fields, every word, in any case', () => {
    expect(keys('amountdue')).toEqual(['event:INVOICE_OVERDUE']);
    expect(keys('invoiceId')).toEqual(['event:INVOICE_OVERDUE', 'event:INVOICE_PAID']);
    expect(keys('invoice paid')).toEqual(['event:INVOICE_PAID']);
    expect(keys('acme crm')).toEqual(['action:acme.open_case']);
    expect(keys('WAIT')).toContain('node:waitForEvent');
    expect(keys('  ')).toHaveLength(paletteItems(sections).length);
    expect(searchPalette(sections, 'nothing like this')).toEqual([]);
  });
});
