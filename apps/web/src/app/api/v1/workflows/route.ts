import { createWorkflow, listWorkflows } from '@/server/routes/workflows';

export const dynamic = 'force-dynamic';
export const GET = listWorkflows.handler;
export const POST = createWorkflow.handler;
