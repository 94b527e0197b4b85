import 'server-only';
import { DEFINITION_LIMITS } from '@cascade/workflow';
import { z } from 'zod';
import { versionNumber, versionQuery } from '../http/stored-integer';
import { defineRoute } from '../http/define-route';
import { previewTemplateUpgrade, upgradeFromTemplate } from '../templates/upgrade-template';
import { toWorkflow, Workflow } from './workflows';

const FieldChange = z
  .object({
    path: z.string().describe('JSON pointer inside the node (or the definition), e.g. /input/to'),
    before: z.unknown().optional().describe('Absent when the field was added'),
    after: z.unknown().optional().describe('Absent when the field was removed'),
  })
  .meta({ id: 'FieldChange' });

const DiffNode = z.object({
  id: z.string(),
  type: z.string(),
  label: z.string().optional(),
  parent: z.string().optional().describe('The forEach whose body holds the node'),
});
const DiffEdge = z.object({ from: z.string(), to: z.string(), port: z.string(), parent: z.string().optional() });
const TriggerSummary = z.object({ nodeId: z.string(), event: z.unknown(), filter: z.unknown().optional() }).nullable();

export const DefinitionDiff = z
  .object({
    identical: z.boolean(),
    definition: z.array(FieldChange).describe('Changes of name, description, variables'),
    nodes: z.object({
      added: z.array(DiffNode),
      removed: z.array(DiffNode),
      changed: z.array(
        DiffNode.extend({ typeBefore: z.string().optional(), parentBefore: z.string().nullable().optional(), fields: z.array(FieldChange) }),
      ),
    }),
    edges: z.object({ added: z.array(DiffEdge), removed: z.array(DiffEdge) }).describe('Matched by what they connect, not by id'),
    trigger: z.object({ before: TriggerSummary, after: TriggerSummary }).nullable().describe('Set when the trigger’s event or filter changed'),
  })
  .meta({ id: 'DefinitionDiff' });

const ParameterInfo = z.object({ name: z.string(), schema: z.unknown().describe('Its JSON Schema in the new version'), required: z.boolean() });

const UpgradePreview = z
  .object({
    template: z.object({ key: z.string(), name: z.string() }),
    currentVersion: z.number().int().describe('The template version the workflow’s draft came from'),
    targetVersion: z.number().int(),
    latestVersion: z.number().int(),
    parameters: z.object({
      added: z.array(ParameterInfo),
      removed: z.array(z.string()),
      missing: z.array(ParameterInfo).describe('Required by the new version, with no value and no default: the upgrade needs them'),
      problems: z
        .array(z.object({ path: z.string(), message: z.string(), expected: z.string().optional() }))
        .describe('What the upgrade would answer about the workflow’s parameter values today, paths into its body'),
    }),
    diff: DefinitionDiff.describe('From the workflow as the current version made it to what the new version makes of the same parameters (missing ones left as {"$param"} references)'),
    draftEdited: z.boolean().describe('The draft was changed since it was made from the template; upgrading replaces those changes'),
  })
  .meta({ id: 'TemplateUpgradePreview' });

const notUpgradable = 'The workflow was not made from a template, its template is gone, or it is on the latest (or asked) version';

export const previewTemplateUpgradeRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/workflows/{id}/template-upgrade',
  operationId: 'previewTemplateUpgrade',
  summary: 'What upgrading the workflow to a newer version of its template would change',
  tags: ['Workflows', 'Templates'],
  scope: 'workflows:read',
  params: z.object({ id: z.uuid() }),
  query: z.object({ version: versionQuery().optional().describe('The template version to upgrade to; the latest by default') }),
  response: { status: 200, description: 'The versions, the parameters added, removed and missing, and the node-level diff', schema: UpgradePreview },
  errors: { 404: 'No such workflow in the caller’s tenant, or no such template version', 409: notUpgradable },
  handle: ({ params, query, principal }) => previewTemplateUpgrade(principal.tenantId, params.id, query.version),
});

export const upgradeTemplateRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/workflows/{id}/template-upgrade',
  operationId: 'upgradeWorkflowTemplate',
  summary: 'Replace the draft with a newer template version’s, made with the same parameters; published versions and runs keep theirs',
  tags: ['Workflows', 'Templates'],
  scope: 'workflows:write',
  params: z.object({ id: z.uuid() }),
  body: z
    .object({
      version: versionNumber().optional().describe('The template version to upgrade to (the one reviewed); the latest by default'),
      parameters: z
        .record(z.string(), z.unknown())
        .default({})
        .describe('Values for the new version’s new parameters, or new values for old ones; the workflow’s other values are kept'),
    })
    .meta({ id: 'UpgradeWorkflowTemplate' }),
  maxBodyBytes: DEFINITION_LIMITS.bytes + 64 * 1024,
  response: { status: 200, description: 'The workflow with its new draft, recording the new template version and parameters', schema: Workflow },
  errors: {
    404: 'No such workflow in the caller’s tenant, or no such template version',
    409: `${notUpgradable}; or another upgrade moved it meanwhile`,
    422: 'A new required parameter has no value, or a value does not satisfy the new parameter schema; nothing was changed',
  },
  handle: async ({ params, body, principal }) => toWorkflow(await upgradeFromTemplate(principal.tenantId, params.id, body)),
});
