import { getDraftPins, pinDraftData } from '@/server/routes/draft-pins';

export const dynamic = 'force-dynamic';
export const GET = getDraftPins.handler;
export const PUT = pinDraftData.handler;
