import { decideApprovalRoute } from '@/server/routes/runs';

export const dynamic = 'force-dynamic';
export const POST = decideApprovalRoute.handler;
