import { listWorkflowVersions } from '@/server/routes/workflows';

export const dynamic = 'force-dynamic';
export const GET = listWorkflowVersions.handler;
