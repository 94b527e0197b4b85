import { listApprovals } from '@/server/routes/runs';

export const dynamic = 'force-dynamic';
export const GET = listApprovals.handler;
