import { backtestFilterRoute } from '@/server/routes/events';

export const dynamic = 'force-dynamic';
export const POST = backtestFilterRoute.handler;
