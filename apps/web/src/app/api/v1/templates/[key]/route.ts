import { getTemplate } from '@/server/routes/templates';

export const dynamic = 'force-dynamic';
export const GET = getTemplate.handler;
