import { getCatalogEvent } from '@/server/routes/catalog';

export const dynamic = 'force-dynamic';
export const GET = getCatalogEvent.handler;
