import 'server-only';
import { schemaLimits, type JsonSchema } from '@cascade/catalog';
import { DEFINITION_LIMITS } from '@cascade/workflow';
import { z } from 'zod';
import { defineRoute, withStatus } from '../http/define-route';
import { pageOf, pageQuery } from '../http/pagination';
import { instantiateTemplate } from '../templates/instantiate-template';
import { registerTemplate } from '../templates/register-template';
import { findVisibleTemplate, listVisibleTemplates, templateDetail, toTemplateSummary } from '../templates/template-queries';
import { toWorkflow, Workflow } from './workflows';
import { versionNumber, versionQuery } from '../http/stored-integer';

/** A template's key, as registration and every path that names one parse it. */
export const templateKey = z
  .string()
  .regex(/^[a-z0-9]+(?:[._-][a-z0-9]+)*$/, 'must be lower case letters and digits, separated by ".", "-" or "_", e.g. sla.escalate-breach')
  .max(100);

/** Room for the largest definition and parameter schema, and the fields and JSON around them. */
const MAX_REGISTER_BODY_BYTES = DEFINITION_LIMITS.bytes + schemaLimits.maxBytes + 64 * 1024;

const TemplateSummary = z
  .object({
    key: z.string(),
    visibility: z.enum(['global', 'tenant']).describe('global: registered by the platform operator, seen by every tenant; tenant: private to the caller’s tenant'),
    name: z.string(),
    description: z.string(),
    category: z.string(),
    tags: z.array(z.string()),
    triggerEvent: z.string().nullable().describe('The event type that starts its workflows; null when it is a parameter'),
    latestVersion: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'TemplateSummary' });

const TemplateDetail = TemplateSummary.extend({
  version: z.number().int().describe('The version whose parameter schema and definition are shown'),
  parameterSchema: z.record(z.string(), z.unknown()).describe('JSON Schema (draft 2020-12) of the parameters: an object whose properties are the parameters'),
  definition: z.record(z.string(), z.unknown()).describe('The workflow definition, whose values may be {"$param": "<name>"}'),
  versions: z.array(z.object({ version: z.number().int(), registeredAt: z.iso.datetime(), registeredBy: z.string().nullable() })).describe('Newest first'),
}).meta({ id: 'TemplateDetail' });

export const registerTemplateRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/templates',
  operationId: 'registerTemplate',
  summary: 'Register a workflow template, or its next version when the content changed',
  tags: ['Templates'],
  scope: 'templates:write',
  body: z
    .object({
      key: templateKey,
      visibility: z.enum(['tenant', 'global']).default('tenant').describe('global needs a platform operator’s key'),
      name: z.string().trim().min(1).max(200),
      description: z.string().trim().max(2000).default(''),
      category: z.string().trim().min(1).max(100).default('General'),
      tags: z.array(z.string().trim().min(1).max(50)).max(20).default([]),
      parameterSchema: z
        .record(z.string(), z.unknown())
        .default({ type: 'object', properties: {} })
        .describe(
          'JSON Schema (draft 2020-12) of an object whose properties are the parameters; bounded like event payload schemas. '
          + 'A parameter (or the items of an array parameter) may name the picker the gallery offers for it with "x-picker": '
          + '"event-type" (an event type of the tenant’s catalog), "user" (a user of the tenant, by email, as approval assignees name them) '
          + 'or "secret" (the name of one of the tenant’s secrets, never its value); each chooses a string, so a picker on a parameter of '
          + 'another type, or any other x-picker, is refused with 422. '
          + 'title, description, default, examples and enum shape the gallery’s form.',
        ),
      definition: z.record(z.string(), z.unknown()).describe('A workflow definition in which any value may be {"$param": "<name>"}'),
    })
    .meta({ id: 'RegisterTemplate' }),
  maxBodyBytes: MAX_REGISTER_BODY_BYTES,
  response: {
    status: 201,
    description: 'A new template or version',
    schema: TemplateDetail,
    otherStatuses: { 200: 'The existing version: the content is unchanged' },
  },
  errors: {
    403: 'A global template needs a platform operator’s key',
    409: 'A tenant template may not take a global template’s key',
    422: 'The parameter schema exceeds a limit or does not compile; a parameter reference names no parameter; or the definition, with each parameter in place, does not validate',
  },
  async handle({ body, principal }) {
    const { template, created } = await registerTemplate(principal, { ...body, parameterSchema: body.parameterSchema as JsonSchema });
    const detail = await templateDetail(template);
    return created ? detail : withStatus(200, detail);
  },
});

export const listTemplates = defineRoute({
  method: 'GET',
  path: '/api/v1/templates',
  operationId: 'listTemplates',
  summary: 'The global templates and the caller’s tenant’s own',
  tags: ['Templates'],
  scope: 'workflows:read',
  query: z.object({
    category: z.string().optional().describe('Exact category'),
    event: z.string().optional().describe('Templates whose workflows this event type starts'),
    tag: z.string().optional().describe('Templates carrying this tag'),
    q: z.string().trim().min(1).max(200).optional().describe('Search in key, name and description'),
    ...pageQuery({ max: 200, default: 50 }),
  }),
  response: { status: 200, description: 'By key; filters apply to each template’s latest version', schema: pageOf(TemplateSummary) },
  async handle({ query, principal }) {
    const page = await listVisibleTemplates(principal.tenantId, query);
    return { items: page.rows.map(toTemplateSummary), nextCursor: page.nextCursor };
  },
});

export const getTemplate = defineRoute({
  method: 'GET',
  path: '/api/v1/templates/{key}',
  operationId: 'getTemplate',
  summary: 'A template: its versions, and the parameter schema and definition of one of them',
  tags: ['Templates'],
  scope: 'workflows:read',
  params: z.object({ key: templateKey }),
  query: z.object({ version: versionQuery().optional().describe('The version to show; the latest by default') }),
  response: { status: 200, description: 'The template', schema: TemplateDetail },
  errors: { 404: 'Neither a global template nor one of the caller’s tenant has the key, or not at that version' },
  handle: async ({ params, query, principal }) => templateDetail(await findVisibleTemplate(principal.tenantId, params.key), query.version),
});

export const instantiateTemplateRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/templates/{key}/instantiate',
  operationId: 'instantiateTemplate',
  summary: 'Create a workflow of the caller’s tenant from a template, as a draft or published',
  tags: ['Templates'],
  scope: 'workflows:write',
  params: z.object({ key: templateKey }),
  body: z
    .object({
      parameters: z.record(z.string(), z.unknown()).default({}).describe('Values of the template’s parameters, checked against its parameter schema'),
      name: z.string().trim().min(1).max(200).optional().describe('The workflow’s name; the template’s by default'),
      description: z.string().max(2000).optional(),
      version: versionNumber().optional().describe('The template version to use; the latest by default'),
      publish: z.boolean().default(false).describe('Publish the workflow at once, validated as POST /api/v1/workflows/{id}/publish validates'),
    })
    .meta({ id: 'InstantiateTemplate' }),
  maxBodyBytes: DEFINITION_LIMITS.bytes + 64 * 1024,
  response: { status: 201, description: 'The new workflow, which records the template key, version and parameters it came from', schema: Workflow },
  errors: {
    404: 'Neither a global template nor one of the caller’s tenant has the key, or not at that version',
    409: 'The workflow name is taken in this tenant',
    422: 'The parameters do not satisfy the parameter schema, or (with publish) the workflow does not validate; nothing was created',
  },
  handle: async ({ params, body, principal }) => toWorkflow(await instantiateTemplate(principal, params.key, body)),
});
