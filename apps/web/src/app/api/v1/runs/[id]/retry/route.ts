import { retryRunRoute } from '@/server/routes/runs';

export const dynamic = 'force-dynamic';
export const POST = retryRunRoute.handler;
