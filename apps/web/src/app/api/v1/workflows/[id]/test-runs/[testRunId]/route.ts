import { getTestRun } from '@/server/routes/test-runs';

export const dynamic = 'force-dynamic';
export const GET = getTestRun.handler;
