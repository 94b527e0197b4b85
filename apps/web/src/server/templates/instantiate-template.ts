import 'server-only';
import type { Prisma } from '@cascade/db';
import type { Principal } from '../http/authenticate';
import { db } from '../services';
import { publishableDefinition, recordPublishedVersion } from '../workflow-publishing';
import { isUniqueViolation, nameTaken, workflowInclude } from '../routes/workflows';
import { draftFromTemplate } from './template-draft';
import { findTemplateVersion, findVisibleTemplate } from './template-queries';

export interface Instantiation {
  parameters: Record<string, unknown>;
  name?: string;
  description?: string;
  version?: number;
  publish: boolean;
}

/**
 * Creates a workflow of the caller's tenant from a template it sees: a draft, or published when
 * asked, through the same validation and publishing as `POST /workflows/{id}/publish`. Nothing is
 * created unless all of it succeeds.
 */
export async function instantiateTemplate(principal: Principal, key: string, request: Instantiation) {
  const template = await findVisibleTemplate(principal.tenantId, key);
  const version = await findTemplateVersion(template, request.version);
  const { draft, parameters } = draftFromTemplate(version, request.parameters);
  const published = request.publish ? await publishableDefinition(principal.tenantId, draft) : undefined;
  const name = request.name ?? template.name;
  try {
    return await db().$transaction(async (tx) => {
      const workflow = await tx.workflow.create({
        data: {
          tenantId: principal.tenantId,
          name,
          description: request.description ?? (template.description || null),
          draft: draft as Prisma.InputJsonValue,
          templateId: template.id,
          templateKey: template.key,
          templateVersion: version.version,
          templateParameters: parameters as Prisma.InputJsonValue,
        },
      });
      if (published) await recordPublishedVersion(tx, workflow, published, principal.id);
      return tx.workflow.findUniqueOrThrow({ where: { id: workflow.id }, include: workflowInclude });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
}
