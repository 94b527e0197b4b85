import { deleteSecret, putSecret, updateSecret } from '@/server/routes/secrets';

export const dynamic = 'force-dynamic';
export const PUT = putSecret.handler;
export const PATCH = updateSecret.handler;
export const DELETE = deleteSecret.handler;
