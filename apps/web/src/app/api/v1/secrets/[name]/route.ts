import { deleteSecret, putSecret } from '@/server/routes/secrets';

export const dynamic = 'force-dynamic';
export const PUT = putSecret.handler;
export const DELETE = deleteSecret.handler;
