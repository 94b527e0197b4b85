import { getRetention, putRetention } from '@/server/routes/retention';

export const dynamic = 'force-dynamic';
export const GET = getRetention.handler;
export const PUT = putRetention.handler;
