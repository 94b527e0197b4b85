import { replayDeadLettersRoute } from '@/server/routes/events';

export const dynamic = 'force-dynamic';
export const POST = replayDeadLettersRoute.handler;
