import { getRun } from '@/server/routes/runs';

export const dynamic = 'force-dynamic';
export const GET = getRun.handler;
