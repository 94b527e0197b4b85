import { listTestRunsRoute, startTestRunRoute } from '@/server/routes/test-runs';

export const dynamic = 'force-dynamic';
export const GET = listTestRunsRoute.handler;
export const POST = startTestRunRoute.handler;
