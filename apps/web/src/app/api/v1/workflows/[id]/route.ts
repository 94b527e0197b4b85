import { getWorkflow, saveWorkflow } from '@/server/routes/workflows';

export const dynamic = 'force-dynamic';
export const GET = getWorkflow.handler;
export const PUT = saveWorkflow.handler;
