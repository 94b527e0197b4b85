import { publishWorkflow } from '@/server/routes/workflows';

export const dynamic = 'force-dynamic';
export const POST = publishWorkflow.handler;
