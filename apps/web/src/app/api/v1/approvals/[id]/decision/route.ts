import { decideApprovalRoute } from '@/server/routes/approvals';

export const dynamic = 'force-dynamic';
export const POST = decideApprovalRoute.handler;
