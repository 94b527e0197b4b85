import { listCatalogEvents, registerEventType } from '@/server/routes/catalog';

export const dynamic = 'force-dynamic';
export const GET = listCatalogEvents.handler;
export const POST = registerEventType.handler;
