import 'server-only';
import type { JsonSchema } from '@cascade/catalog';
import type { Prisma } from '@cascade/db';
import { diffDefinitions, findParameterReferences, substituteParameters, type DefinitionDiff } from '@cascade/workflow';
import { HttpError, type ProblemDetail } from '../http/problem';
import { findWorkflow, workflowInclude } from '../routes/workflows';
import { db } from '../services';
import { declaredParameters } from './check-template';
import { draftFromTemplate, parameterValues } from './template-draft';
import { findTemplateVersion } from './template-queries';

/**
 * Moving a workflow to a newer version of the template it came from. The upgrade replaces the
 * draft only: published versions stay as they are, so the trigger and every running run keep the
 * version they run; the new draft runs once it is published.
 */

const conflict = (detail: string) => new HttpError(409, 'Conflict', detail);

export interface ParameterInfo {
  name: string;
  /** The parameter's JSON Schema in the new version. */
  schema: unknown;
  required: boolean;
}

type WorkflowRow = Awaited<ReturnType<typeof findWorkflow>>;
type VersionRow = Awaited<ReturnType<typeof findTemplateVersion>>;

interface UpgradePlan {
  workflow: WorkflowRow;
  template: { id: string; key: string; name: string; latestVersion: number };
  from: VersionRow;
  to: VersionRow;
  /** The workflow's values of the parameters the new version still declares. */
  kept: Record<string, unknown>;
}

/** The workflow, its template, the version it is on and the one to move to (the latest unless asked). */
async function planUpgrade(tenantId: string, workflowId: string, version: number | undefined): Promise<UpgradePlan> {
  const workflow = await findWorkflow(tenantId, workflowId);
  if (workflow.templateKey === null || workflow.templateVersion === null) {
    throw conflict(`Workflow ${workflow.id} was not instantiated from a template, so there is nothing to upgrade`);
  }
  const template = workflow.templateId === null ? null : await db().template.findUnique({ where: { id: workflow.templateId } });
  // A workflow only records templates its tenant sees; the check keeps it so should that change.
  if (!template || (template.tenantId !== null && template.tenantId !== tenantId)) {
    throw conflict(`The template "${workflow.templateKey}" this workflow came from no longer exists`);
  }
  const target = version ?? template.latestVersion;
  if (target <= workflow.templateVersion) {
    throw conflict(`The workflow is on version ${workflow.templateVersion} of template "${template.key}"; there is no newer version${version === undefined ? '' : ` at ${version}`} to upgrade to`);
  }
  const [from, to] = await Promise.all([findTemplateVersion(template, workflow.templateVersion), findTemplateVersion(template, target)]);
  const stored = (workflow.templateParameters ?? {}) as Record<string, unknown>;
  const declared = declaredParameters(to.parameterSchema as JsonSchema);
  const kept = Object.fromEntries(Object.entries(stored).filter(([name]) => Object.hasOwn(declared, name)));
  return { workflow, template, from, to, kept };
}

/** The draft keeps its own name: the workflow's name is the tenant's, saved with the draft. */
function withDraftName(definition: unknown, draft: unknown): Record<string, unknown> {
  const name = (draft as { name?: unknown }).name;
  return { ...(definition as Record<string, unknown>), ...(typeof name === 'string' ? { name } : {}) };
}

const hasDefault = (schema: unknown): schema is { default: unknown } => typeof schema === 'object' && schema !== null && 'default' in schema;

function requiredOf(parameterSchema: unknown): string[] {
  const required = (parameterSchema as { required?: unknown }).required;
  return Array.isArray(required) ? required.filter((name): name is string => typeof name === 'string') : [];
}

/** Parameters of the new version that need a value the workflow does not have: required or used, with no default. */
function missingParameters(to: VersionRow, values: Record<string, unknown>): ParameterInfo[] {
  const declared = declaredParameters(to.parameterSchema as JsonSchema);
  const needed = new Set([...requiredOf(to.parameterSchema), ...findParameterReferences(to.definition).references.map((reference) => reference.name)]);
  return [...needed]
    .filter((name) => values[name] === undefined && !hasDefault(declared[name]))
    .map((name) => ({ name, schema: declared[name] ?? {}, required: true }));
}

export interface UpgradePreview {
  template: { key: string; name: string };
  currentVersion: number;
  targetVersion: number;
  latestVersion: number;
  parameters: {
    added: ParameterInfo[];
    removed: string[];
    /** New required parameters the workflow has no value for: the upgrade asks for them. */
    missing: ParameterInfo[];
    /** What the new version's schema says of the workflow's values, as the upgrade would answer it. */
    problems: ProblemDetail[];
  };
  /** From the workflow as the old version made it to the draft the new version would make (missing parameters left as references). */
  diff: DefinitionDiff;
  /** The draft was changed since it was instantiated: the upgrade replaces those changes. */
  draftEdited: boolean;
}

export async function previewTemplateUpgrade(tenantId: string, workflowId: string, version?: number): Promise<UpgradePreview> {
  const { workflow, template, from, to, kept } = await planUpgrade(tenantId, workflowId, version);
  const stored = (workflow.templateParameters ?? {}) as Record<string, unknown>;
  const before = withDraftName(substituteParameters(from.definition, (name) => stored[name]), workflow.draft);
  const declaredBefore = declaredParameters(from.parameterSchema as JsonSchema);
  const declaredAfter = declaredParameters(to.parameterSchema as JsonSchema);
  const requiredAfter = requiredOf(to.parameterSchema);
  const missing = missingParameters(to, kept);
  let problems: ProblemDetail[] = [];
  let values = kept;
  try {
    values = parameterValues(to.parameterSchema as JsonSchema, to.definition, kept, 'nothing was changed');
  } catch (error) {
    if (!(error instanceof HttpError) || error.status !== 422) throw error;
    problems = error.errors ?? [];
    // Defaults still fill in, so the diff shows what the upgrade would make of them.
    const defaults = Object.entries(declaredAfter).flatMap(([name, schema]) => (hasDefault(schema) ? [[name, schema.default] as const] : []));
    values = { ...Object.fromEntries(defaults), ...kept };
  }
  const after = withDraftName(
    substituteParameters(to.definition, (name) => (values[name] === undefined ? { $param: name } : values[name])),
    workflow.draft,
  );
  return {
    template: { key: template.key, name: template.name },
    currentVersion: from.version,
    targetVersion: to.version,
    latestVersion: template.latestVersion,
    parameters: {
      added: Object.entries(declaredAfter)
        .filter(([name]) => !Object.hasOwn(declaredBefore, name))
        .map(([name, schema]) => ({ name, schema, required: requiredAfter.includes(name) })),
      removed: Object.keys(declaredBefore).filter((name) => !Object.hasOwn(declaredAfter, name)),
      missing,
      problems,
    },
    diff: diffDefinitions(before, after),
    // Moving nodes is not an edit worth warning about: the designer places nodes a template leaves unplaced.
    draftEdited: !diffDefinitions(before, workflow.draft).identical,
  };
}

/**
 * Replaces the workflow's draft with the one the new version makes from the workflow's parameters
 * and `given` (values for new parameters, or new values for old ones). Answers 422 with each
 * parameter's path when a value is missing or wrong, and changes nothing then.
 */
export async function upgradeFromTemplate(tenantId: string, workflowId: string, request: { version?: number; parameters: Record<string, unknown> }) {
  const { workflow, from, to, kept } = await planUpgrade(tenantId, workflowId, request.version);
  const { draft, parameters } = draftFromTemplate(to, { ...kept, ...request.parameters }, 'nothing was changed');
  // Only if no other upgrade moved the workflow meanwhile: two would otherwise both claim its draft.
  const { count } = await db().workflow.updateMany({
    where: { id: workflow.id, tenantId, templateVersion: from.version },
    data: {
      draft: withDraftName(draft, workflow.draft) as Prisma.InputJsonValue,
      templateVersion: to.version,
      templateParameters: parameters as Prisma.InputJsonValue,
    },
  });
  if (count === 0) throw conflict('The workflow was upgraded by someone else meanwhile; review the upgrade again');
  return db().workflow.findUniqueOrThrow({ where: { id: workflow.id }, include: workflowInclude });
}
