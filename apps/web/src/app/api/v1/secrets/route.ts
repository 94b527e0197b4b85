import { listSecrets } from '@/server/routes/secrets';

export const dynamic = 'force-dynamic';
export const GET = listSecrets.handler;
