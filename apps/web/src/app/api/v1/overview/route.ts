import { getOverview } from '@/server/routes/overview';

export const dynamic = 'force-dynamic';
export const GET = getOverview.handler;
