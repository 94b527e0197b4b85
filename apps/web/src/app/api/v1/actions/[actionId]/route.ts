import { deleteRemoteAction, getAction, putRemoteAction } from '@/server/routes/actions';

export const dynamic = 'force-dynamic';
export const GET = getAction.handler;
export const PUT = putRemoteAction.handler;
export const DELETE = deleteRemoteAction.handler;
