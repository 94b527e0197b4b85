import { getFreePort } from '@cascade/devstack';
import { expect, it } from 'vitest';
import { serveMetrics } from './metrics';

it('serves Prometheus metrics on /metrics and refuses a port in use', async () => {
  const port = await getFreePort();
  const server = await serveMetrics(port);
  try {
    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(await response.text()).toMatch(/^process_cpu_user_seconds_total\{app="cascade-worker"\} /m);
    await expect(serveMetrics(port)).rejects.toMatchObject({ code: 'EADDRINUSE' });
  } finally {
    server.close();
  }
});

it('answers /ready with 503 naming what the worker waits for, and 200 once it lacks nothing', async () => {
  const port = await getFreePort();
  let down = ['temporal', 'workers'];
  const server = await serveMetrics(port, () => down);
  try {
    const notReady = await fetch(`http://127.0.0.1:${port}/ready`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({ ready: false, down: ['temporal', 'workers'] });
    down = [];
    const ready = await fetch(`http://127.0.0.1:${port}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, down: [] });
    expect((await fetch(`http://127.0.0.1:${port}/ready?verbose`)).status).toBe(404);
  } finally {
    server.close();
  }
});
