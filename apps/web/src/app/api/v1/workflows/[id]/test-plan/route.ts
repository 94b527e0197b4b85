import { getTestRunPlan } from '@/server/routes/test-runs';

export const dynamic = 'force-dynamic';
export const GET = getTestRunPlan.handler;
