import { describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { AccessTokenService } from './access-token.service.js';

function service(secret = 'a-test-secret-of-some-length'): AccessTokenService {
  return new AccessTokenService(new JwtService({ secret: createSecretKey(Buffer.from(secret, 'utf8')) }));
}

describe('access tokens', () => {
  const candidate = { kind: 'candidate' as const, sessionId: 'session-1', organizationId: 'org-1' };

  it('verifies a token once, then knows it until it expires', async () => {
    const tokens = service();
    const token = await tokens.signCandidate(candidate, 60);
    const now = Date.now();
    expect(await tokens.verify(token, now)).toEqual(candidate);
    // Known now: the same answer, and no longer once its expiry has passed.
    expect(await tokens.verify(token, now + 30_000)).toEqual(candidate);
    expect(await tokens.verify(token, now + 61_000)).toBeUndefined();
  });

  it('never accepts a token signed with another secret, a tampered one or garbage', async () => {
    const tokens = service();
    const foreign = await service('another-secret-entirely-here').signCandidate(candidate, 60);
    expect(await tokens.verify(foreign)).toBeUndefined();
    const genuine = await tokens.signCandidate(candidate, 60);
    expect(await tokens.verify(genuine)).toEqual(candidate);
    const [header, , signature] = genuine.split('.');
    const tampered = `${header}.${Buffer.from(JSON.stringify({ typ: 'candidate', sub: 'other', org: 'org-1', exp: 9e9 })).toString('base64url')}.${signature}`;
    expect(await tokens.verify(tampered)).toBeUndefined();
    expect(await tokens.verify('not.a.token')).toBeUndefined();
  });
});
