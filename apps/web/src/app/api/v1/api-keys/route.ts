import { createApiKey, listApiKeys } from '@/server/routes/api-keys';

export const dynamic = 'force-dynamic';
export const GET = listApiKeys.handler;
export const POST = createApiKey.handler;
