import { describe, expect, it } from '@jest/globals';
import { HttpTransport } from './http-transport.js';

describe('HttpTransport', () => {
  const recording = () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const transport = new HttpTransport('/api/v1', (url, init) => {
      calls.push({ url, init });
      return Promise.resolve(new Response(null, { status: 204 }));
    });
    return { calls, transport };
  };

  it('lets a request marked keepalive outlive the page, and no other', async () => {
    const { calls, transport } = recording();
    await transport.send({ method: 'POST', path: '/report', body: { events: [] }, token: 't', keepalive: true });
    await transport.send({ method: 'PUT', path: '/draft', body: {}, token: 't' });

    expect(calls.map((call) => [call.url, call.init.keepalive])).toEqual([
      ['/api/v1/report', true],
      ['/api/v1/draft', undefined],
    ]);
    expect(calls[0].init.headers).toMatchObject({ authorization: 'Bearer t', 'content-type': 'application/json' });
  });
});
