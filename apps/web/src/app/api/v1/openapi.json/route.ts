import { buildOpenApiDocument } from '@/server/http/openapi';
import { routes } from '@/server/routes';

export const dynamic = 'force-static';

export function GET(): Response {
  return Response.json(buildOpenApiDocument(routes));
}
