import { listEvents, publishEvents } from '@/server/routes/events';

export const dynamic = 'force-dynamic';
export const GET = listEvents.handler;
export const POST = publishEvents.handler;
