import { describe, expect, it } from 'vitest';
import { routes } from '../routes';
import { getEvent, listEvents, publishEvents } from '../routes/events';
import { listAuditEntries, verifyAuditTrail } from '../routes/audit';
import { getCatalogEvent } from '../routes/catalog';
import { replayWebhookDeliveryRoute } from '../routes/webhook-deliveries';
import { getWebhookSubscription } from '../routes/webhooks';
import { createRouteTable } from './route-table';

const routeFor = createRouteTable(routes, { '/api/v1/openapi.json': ['GET'] });

describe('which route answers a request', () => {
  it('finds routes by method and path, with or without a query, passing path parameters as sent', () => {
    expect(routeFor('POST', '/api/v1/events?atomic=true')).toEqual({ kind: 'route', route: publishEvents, params: {} });
    expect(routeFor('GET', '/api/v1/events')).toMatchObject({ route: listEvents });
    expect(routeFor('HEAD', '/api/v1/events/abc')).toEqual({ kind: 'route', route: getEvent, params: { id: 'abc' } });
    expect(routeFor('GET', '/api/v1/catalog/events/acme%2Eorder')).toEqual({ kind: 'route', route: getCatalogEvent, params: { type: 'acme%2Eorder' } });
  });

  it('tells the audit trail from its verify, and a subscription from a delivery', () => {
    expect(routeFor('GET', '/api/v1/audit?action=putSecret')).toMatchObject({ route: listAuditEntries });
    expect(routeFor('GET', '/api/v1/audit/verify')).toMatchObject({ route: verifyAuditTrail });
    expect(routeFor('GET', '/api/v1/webhooks/abc')).toEqual({ kind: 'route', route: getWebhookSubscription, params: { id: 'abc' } });
    expect(routeFor('POST', '/api/v1/webhook-deliveries/abc/replay')).toEqual({ kind: 'route', route: replayWebhookDeliveryRoute, params: { id: 'abc' } });
    expect(routeFor('POST', '/api/v1/audit')).toEqual({ kind: 'methods', allow: 'GET, HEAD, OPTIONS' });
  });

  it('names the allowed methods of a known path, and tells unknown API paths from pages', () => {
    expect(routeFor('PUT', '/api/v1/events')).toEqual({ kind: 'methods', allow: 'GET, HEAD, OPTIONS, POST' });
    expect(routeFor('TRACE', '/api/v1/events/x/replay')).toEqual({ kind: 'methods', allow: 'OPTIONS, POST' });
    expect(routeFor('POST', '/api/v1/events/')).toEqual({ kind: 'unknown-api-path' });
    expect(routeFor('GET', '/api/v1/eventsx')).toEqual({ kind: 'unknown-api-path' });
    expect(routeFor('GET', '/api/v1/openapi.json')).toEqual({ kind: 'next' });
    expect(routeFor('DELETE', '/api/v1/openapi.json')).toEqual({ kind: 'methods', allow: 'GET, HEAD, OPTIONS' });
    expect(routeFor('POST', '/workflows/abc')).toEqual({ kind: 'next' });
    expect(routeFor('TRACE', '/')).toEqual({ kind: 'page-method-not-allowed', allow: 'GET, HEAD, POST' });
  });
});
