import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { entityId, label, tenantId } from '../../fields';

export const billingPlanChanged = defineEvent({
  type: 'billing.plan.changed',
  displayName: 'Plan Changed',
  description: 'A tenant upgraded or downgraded its subscription plan.',
  category: 'Billing',
  domain: 'platform',
  payload: z.object({
    tenantId: tenantId('Tenant whose plan changed'),
    oldPlan: label('Plan before the change, e.g. starter'),
    newPlan: label('Plan after the change, e.g. professional'),
    changedByUserId: entityId('User who changed the plan').optional(),
  }),
  example: { tenantId: '01j9p3kz5f00000000000000', oldPlan: 'starter', newPlan: 'professional' },
});

export const billingSubscriptionChanged = defineEvent({
  type: 'billing.subscription.changed',
  displayName: 'Subscription Changed',
  description: "A tenant's subscription status changed, e.g. trialing → active or active → past_due.",
  category: 'Billing',
  domain: 'platform',
  payload: z.object({
    tenantId: tenantId('Tenant whose subscription changed'),
    oldStatus: label('Status before the change, e.g. trialing'),
    newStatus: label('Status after the change, e.g. active'),
  }),
  example: { tenantId: '01j9p3kz5f00000000000000', oldStatus: 'trialing', newStatus: 'active' },
});
