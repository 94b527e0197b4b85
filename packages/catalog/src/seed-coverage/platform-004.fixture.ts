// Copied verbatim from the seed document 004_d1b44e600263224b.txt (see /work/shared/seeds/README.md). This file is the
// independent record of what the source lists; seed-coverage.test.ts checks the catalog against it.
// Do not edit it to match the catalog.

/** 004: the platform kernel's example payloads, as the document writes them. */
export const examplePayloads004: Record<string, string> = {
  // The page 004 was saved from obfuscated the example email address as "[email protected]".
  'auth.user.created': `{
"userId": "01j9pa5mz700000000000000",
"email": "[email protected]",
"tenantId": "01j9p3kz5f00000000000000",
"roles": ["member"]
}`,
  'auth.user.logged_in': `{
"userId": "01j9pa5mz700000000000000",
"tenantId": "01j9p3kz5f00000000000000",
"ip": "203.0.113.42",
"userAgent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)..."
}`,
  'auth.role.changed': `{
"userId": "01j9pa5mz700000000000000",
"oldRoles": ["member"],
"newRoles": ["member", "moderator"]
}`,
  'module.registry.registered': `{
"moduleId": "01j9pamod100000000000000",
"name": "@acme/crm",
"version": "1.2.0"
}`,
  'module.registry.activated': `{
"moduleId": "01j9pamod100000000000000"
}`,
  'module.registry.deactivated': `{
"moduleId": "01j9pamod100000000000000"
}`,
  'money.wallet.credited': `{
"txId": "01j9patx500000000000000",
"userId": "01j9pa5mz700000000000000",
"amountCents": 10000,
"currency": "USD"
}`,
  'money.wallet.debited': `{
"txId": "01j9patx600000000000000",
"userId": "01j9pa5mz700000000000000",
"amountCents": 2500,
"currency": "USD"
}`,
  'files.file.uploaded': `{
"fileId": "01j9paf1l000000000000000",
"userId": "01j9pa5mz700000000000000",
"bucket": "module-crm-attachments",
"key": "tenants/01j9p3kz.../contacts/01j9pa5m.../resume.pdf",
"size": 204800
}`,
  'notify.notification.sent': `{
"notificationId": "01j9panot700000000000000",
"channel": "email",
"userId": "01j9pa5mz700000000000000"
}`,
  'audit.record.created': `{
"auditId": "01j9paaud800000000000000",
"action": "auth.user.logged_in",
"userId": "01j9pa5mz700000000000000"
}`,
  'billing.plan.changed': `{
"tenantId": "01j9p3kz5f00000000000000",
"oldPlan": "starter",
"newPlan": "professional"
}`,
  'billing.subscription.changed': `{
"tenantId": "01j9p3kz5f00000000000000",
"oldStatus": "trialing",
"newStatus": "active"
}`,
};
