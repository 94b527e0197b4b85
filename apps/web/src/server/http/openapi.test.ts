import { eventEnvelopeSchema } from '@cascade/catalog';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { routes } from '../routes';
import { publishEvents } from '../routes/events';
import { buildOpenApiDocument } from './openapi';
import type { AnyRouteSpec } from './route-spec';

type Json = Record<string, unknown>;
const document = buildOpenApiDocument(routes) as unknown as { info: Json; paths: Record<string, Record<string, Json>>; components: { schemas: Record<string, Json> } };

/** Replaces every `$ref` by the schema it names, so two documents compare by what they say. */
function inline(schema: unknown, definitions: Record<string, Json>): unknown {
  if (Array.isArray(schema)) return schema.map((item) => inline(item, definitions));
  if (typeof schema !== 'object' || schema === null) return schema;
  const { $ref, $schema: _dialect, $defs: _defs, ...rest } = schema as Json;
  if (typeof $ref === 'string') return inline(definitions[$ref.split('/').at(-1)!], definitions);
  return Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, inline(value, definitions)]));
}

/** The JSON Schema zod itself makes of a request body: what the server parses with. */
function zodJsonSchema(schema: z.ZodType): unknown {
  const generated = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  return inline(generated, (generated.$defs ?? {}) as Record<string, Json>);
}

/** Every status the pipeline can answer for this route, besides the ones its handler declares. */
function statusesOf(spec: AnyRouteSpec): string[] {
  const statuses = [String(spec.response.status), ...Object.keys(spec.response.otherStatuses ?? {}), '500', ...Object.keys(spec.errors ?? {})];
  if (spec.params || spec.query || spec.body) statuses.push('400');
  if (spec.scope) statuses.push('401', '403', '429', '503');
  if (spec.body) statuses.push('413', '415');
  return statuses;
}

describe('the OpenAPI document agrees with the route definitions', () => {
  it.each(routes.map((route) => [`${route.spec.method} ${route.spec.path}`, route.spec] as const))('%s', (_name, spec) => {
    const operation = document.paths[spec.path]?.[spec.method.toLowerCase()];
    expect(operation, 'the route is in the document').toBeDefined();
    expect(operation!.operationId).toBe(spec.operationId);
    const documented = Object.keys(operation!.responses as Json);
    for (const status of statusesOf(spec)) expect(documented, `status ${status} is documented`).toContain(status);

    const body = (operation!.requestBody as { required?: boolean; content?: Record<string, { schema: unknown }> } | undefined);
    if (!spec.body) {
      expect(body).toBeUndefined();
      return;
    }
    expect(body!.required).toBe(true);
    expect(inline(body!.content!['application/json']!.schema, document.components.schemas)).toEqual(zodJsonSchema(spec.body));
  });

  it('POST /api/v1/events documents the catalog’s envelope: source required, id a UUID, no extra properties', () => {
    const schema = inline(document.components.schemas.EventEnvelope, document.components.schemas) as Json;
    expect(schema).toEqual(zodJsonSchema(eventEnvelopeSchema));
    expect(schema).toMatchObject({ additionalProperties: false, required: expect.arrayContaining(['type', 'source', 'data']) });
    expect(schema.properties).toMatchObject({ id: { format: 'uuid' } });
    const body = inline((document.paths['/api/v1/events']!.post!.requestBody as Json).content, document.components.schemas);
    expect(JSON.stringify(body)).toContain('"specversion"');
    expect(publishEvents.spec.body).toBeDefined();
  });

  it('documents the 429 of every authenticated route with its Retry-After header', () => {
    const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods));
    const limited = operations.filter((operation) => (operation.security as unknown[]).length > 0);
    expect(limited.length).toBeGreaterThan(10);
    for (const operation of limited) {
      expect((operation.responses as Record<string, Json>)['429'], String(operation.operationId)).toMatchObject({
        headers: { 'Retry-After': { schema: { type: 'string' } } },
      });
    }
  });

  it('says how an unsupported method is answered', () => {
    expect(String(document.info.description)).toMatch(/405.*Allow/s);
  });

  it('never sends a reader to internal design documents', () => {
    expect(JSON.stringify(document)).not.toMatch(/DESIGN\.md|§/);
  });
});
