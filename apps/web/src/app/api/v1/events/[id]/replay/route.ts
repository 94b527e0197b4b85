import { replayEvent } from '@/server/routes/events';

export const dynamic = 'force-dynamic';
export const POST = replayEvent.handler;
