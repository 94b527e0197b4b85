import { getRunView } from '@/server/routes/run-view';

export const dynamic = 'force-dynamic';
export const GET = getRunView.handler;
