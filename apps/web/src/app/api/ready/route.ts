import { readiness } from '@/server/routes/system';

export const dynamic = 'force-dynamic';
export const GET = readiness.handler;
