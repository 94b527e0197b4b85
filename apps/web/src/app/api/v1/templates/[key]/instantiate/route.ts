import { instantiateTemplateRoute } from '@/server/routes/templates';

export const dynamic = 'force-dynamic';
export const POST = instantiateTemplateRoute.handler;
