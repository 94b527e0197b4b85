import { cancelRunRoute } from '@/server/routes/runs';

export const dynamic = 'force-dynamic';
export const POST = cancelRunRoute.handler;
