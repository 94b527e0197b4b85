import { listApprovals } from '@/server/routes/approvals';

export const dynamic = 'force-dynamic';
export const GET = listApprovals.handler;
