import { health } from '@/server/routes/system';

export const dynamic = 'force-dynamic';
export const GET = health.handler;
