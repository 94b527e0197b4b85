import { listRoundtrips, startRoundtrip } from '@/server/routes/diagnostics';

export const dynamic = 'force-dynamic';
export const GET = listRoundtrips.handler;
export const POST = startRoundtrip.handler;
