import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { entityId, label, tenantId } from '../../fields';

const moduleId = (description: string) => entityId(description);
const actorUserId = () => entityId('Administrator who made the change').optional();

export const moduleRegistryRegistered = defineEvent({
  type: 'module.registry.registered',
  displayName: 'Module Registered',
  description: 'A new module was registered in the Module Registry.',
  category: 'Platform',
  domain: 'platform',
  payload: z.object({
    tenantId: tenantId('Tenant the module was registered for'),
    moduleId: moduleId('Module that was registered'),
    name: label('Package name of the module, e.g. @acme/crm'),
    version: label('Semantic version of the module, e.g. 1.2.0'),
    actorUserId: actorUserId(),
  }),
  example: {
    tenantId: '01j9p3kz5f00000000000000',
    moduleId: '01j9pamod100000000000000',
    name: '@acme/crm',
    version: '1.2.0',
  },
});

export const moduleRegistryActivated = defineEvent({
  type: 'module.registry.activated',
  displayName: 'Module Activated',
  description: 'An installed module was activated for a tenant.',
  category: 'Platform',
  domain: 'platform',
  payload: z.object({
    tenantId: tenantId('Tenant the module was activated for'),
    moduleId: moduleId('Module that was activated'),
    actorUserId: actorUserId(),
  }),
  example: { tenantId: '01j9p3kz5f00000000000000', moduleId: '01j9pamod100000000000000' },
});

export const moduleRegistryDeactivated = defineEvent({
  type: 'module.registry.deactivated',
  displayName: 'Module Deactivated',
  description: 'A module was deactivated for a tenant.',
  category: 'Platform',
  domain: 'platform',
  payload: z.object({
    tenantId: tenantId('Tenant the module was deactivated for'),
    moduleId: moduleId('Module that was deactivated'),
    actorUserId: actorUserId(),
  }),
  example: {
    tenantId: '01j9p3kz5f00000000000000',
    moduleId: '01j9pamod100000000000000',
    actorUserId: '01j9pa0adm00000000000000',
  },
});
