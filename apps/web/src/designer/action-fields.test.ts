import { getActionManifest } from '@cascade/actions/manifest';
import { describe, expect, it } from 'vitest';
import { manifestFields, objectSchemaFields } from './action-fields';
import { createBrowserCatalog } from './browser-catalog';

describe('action fields', () => {
  it('lists a built-in action’s input and output from its manifest, so the designer can offer and check them', () => {
    const fields = manifestFields(getActionManifest('core.log')!);
    expect(fields.inputFields?.map(({ path, type, optional }) => ({ path, type, optional }))).toEqual([
      { path: 'message', type: 'string', optional: false },
      { path: 'level', type: 'string', optional: true },
      { path: 'fields', type: 'object', optional: true },
    ]);
    expect(fields.inputFields?.[1]).toMatchObject({ enum: ['info', 'warn', 'error'], description: 'Severity' });
    expect(fields.outputFields?.map((field) => field.path)).toEqual(['logged']);
  });

  it('leaves an open object schema undescribed, so reading beneath it is not refused', () => {
    expect(objectSchemaFields({ type: 'object' })).toBeUndefined();
    expect(objectSchemaFields({ type: 'object', additionalProperties: true })).toBeUndefined();
    expect(objectSchemaFields('nonsense')).toBeUndefined();
    expect(objectSchemaFields({ type: 'object', properties: { id: { type: 'string' } }, required: ['id'] })).toEqual([
      { path: 'id', type: 'string', description: '', optional: false, nullable: false },
    ]);
  });

  it('gives the browser catalog the fields of built-in and remote actions', () => {
    const catalog = createBrowserCatalog({
      customEvents: [],
      remoteActions: [{ id: 'crm.create_task', label: 'Create task', description: '', outputFields: [{ path: 'taskId', type: 'string', description: 'The task', optional: false, nullable: false }] }],
    });
    expect(catalog.getAction('http.request')?.inputFields?.find((field) => field.path === 'timeoutMs')?.type).toBe('integer');
    expect(catalog.getAction('crm.create_task')?.outputFields?.map((field) => field.path)).toEqual(['taskId']);
    expect(catalog.getAction('crm.create_task')?.inputFields).toBeUndefined();
  });
});
