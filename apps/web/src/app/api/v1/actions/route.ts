import { listActions } from '@/server/routes/actions';

export const dynamic = 'force-dynamic';
export const GET = listActions.handler;
