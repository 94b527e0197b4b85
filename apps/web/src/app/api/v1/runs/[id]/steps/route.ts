import { listRunSteps } from '@/server/routes/runs';

export const dynamic = 'force-dynamic';
export const GET = listRunSteps.handler;
