import { answerTestRunRoute } from '@/server/routes/test-runs';

export const dynamic = 'force-dynamic';
export const POST = answerTestRunRoute.handler;
