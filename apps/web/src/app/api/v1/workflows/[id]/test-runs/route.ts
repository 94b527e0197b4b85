import { startTestRunRoute } from '@/server/routes/test-runs';

export const dynamic = 'force-dynamic';
export const POST = startTestRunRoute.handler;
