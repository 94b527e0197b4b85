import { listRuns } from '@/server/routes/runs';

export const dynamic = 'force-dynamic';
export const GET = listRuns.handler;
