import { describe, expect, it } from '@jest/globals';
import { matchPath } from './match-path.js';

describe('matchPath', () => {
  it('matches literal parts and decodes params', () => {
    expect(matchPath('/app/assessments/:id', '/app/assessments/a%20b')).toEqual({ id: 'a b' });
    expect(matchPath('/take/:token', '/take/abc/')).toEqual({ token: 'abc' });
  });

  it('refuses other paths, other lengths and malformed encodings', () => {
    expect(matchPath('/app/assessments/:id', '/app/members/x')).toBeNull();
    expect(matchPath('/app/assessments/:id', '/app/assessments')).toBeNull();
    expect(matchPath('/take/:token', '/take/%E0%A4%A')).toBeNull();
  });
});
