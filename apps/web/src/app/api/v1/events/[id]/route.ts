import { getEvent } from '@/server/routes/events';

export const dynamic = 'force-dynamic';
export const GET = getEvent.handler;
