import { revokeApiKey } from '@/server/routes/api-keys';

export const dynamic = 'force-dynamic';
export const DELETE = revokeApiKey.handler;
