import { previewTemplateUpgradeRoute, upgradeTemplateRoute } from '@/server/routes/template-upgrades';

export const dynamic = 'force-dynamic';
export const GET = previewTemplateUpgradeRoute.handler;
export const POST = upgradeTemplateRoute.handler;
