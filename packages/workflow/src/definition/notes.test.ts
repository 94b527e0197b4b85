import { describe, expect, it } from 'vitest';
import { validateWorkflow } from '../validate/validate-workflow';
import { everyNodeTypeDefinition, testCatalog } from '../validate/fixtures';
import { workflowDefinitionSchema } from './workflow';

const withNotes = (notes: unknown) => ({ ...everyNodeTypeDefinition(), notes });

describe('sticky notes', () => {
  it('are kept by the definition and ignored by the validator, even when one shares a node’s id', () => {
    const notes = [
      { id: 'n1', text: 'Escalations go to the on-call team', position: { x: 400, y: -80 }, width: 240, height: 120 },
      // A note named like a node is neither a duplicate id nor a node without edges.
      { id: 'start', text: '', position: { x: 0, y: -200 } },
    ];
    expect(workflowDefinitionSchema.parse(withNotes(notes)).notes).toEqual(notes);
    const result = validateWorkflow(withNotes(notes), testCatalog);
    expect(result).toMatchObject({ ok: true, warnings: validateWorkflow(everyNodeTypeDefinition(), testCatalog).warnings });
    expect(result.ok && result.definition.nodes.map((node) => node.id)).toEqual(everyNodeTypeDefinition().nodes.map((node) => node.id));
  });

  it('a malformed note is a schema problem at its path, not a crash', () => {
    const result = validateWorkflow(withNotes([{ id: 'n1', text: 42, position: { x: 0 } }, 'note']), testCatalog);
    expect(result.ok).toBe(false);
    const fields = result.ok ? [] : result.problems.map((problem) => problem.field);
    expect(fields).toEqual(expect.arrayContaining(['notes[0].text', 'notes[0].position.y', 'notes[1]']));
  });

  it('refuses more notes than a reader needs, and an overlong text', () => {
    const many = Array.from({ length: 501 }, (_, index) => ({ id: `n${index}`, text: '', position: { x: 0, y: 0 } }));
    expect(workflowDefinitionSchema.safeParse(withNotes(many)).success).toBe(false);
    expect(workflowDefinitionSchema.safeParse(withNotes([{ id: 'n', text: 'x'.repeat(5_001), position: { x: 0, y: 0 } }])).success).toBe(false);
  });
});
