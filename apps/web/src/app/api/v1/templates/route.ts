import { listTemplates, registerTemplateRoute } from '@/server/routes/templates';

export const dynamic = 'force-dynamic';
export const GET = listTemplates.handler;
export const POST = registerTemplateRoute.handler;
