import { describe, expect, it } from '@jest/globals';
import { ApiError, apiErrorFrom, describeError } from './api-error.js';

describe('apiErrorFrom', () => {
  it('keeps the message, code and details of the API error body', () => {
    const sut = apiErrorFrom(409, { statusCode: 409, error: 'Conflict', message: 'Taken.', code: 'email_taken' });
    expect(sut).toMatchObject({ status: 409, message: 'Taken.', code: 'email_taken' });
    expect(describeError(sut)).toBe('Taken.');
  });

  it('survives bodies that are not the API format', () => {
    expect(apiErrorFrom(502, '<html>bad gateway</html>').message).toBe('<html>bad gateway</html>');
    expect(apiErrorFrom(500, null).message).toBe('The server answered 500.');
    expect(describeError(apiErrorFrom(500, null))).toBe('Something went wrong on the server. Try again in a moment.');
  });

  it('tells a route the server does not have yet from a missing resource', () => {
    const missingRoute = apiErrorFrom(404, { statusCode: 404, message: 'Cannot GET /api/v1/challenges' });
    const missingThing = apiErrorFrom(404, { statusCode: 404, message: 'No such assessment.', code: 'not_found' });
    expect(missingRoute.isRouteMissing).toBe(true);
    expect(missingThing.isRouteMissing).toBe(false);
    expect(describeError(missingRoute)).toMatch(/not available on this server yet/);
  });

  it('reads Retry-After for rate limits', () => {
    const sut = apiErrorFrom(429, { message: 'Too many' }, '12');
    expect(sut.retryAfterSeconds).toBe(12);
    expect(describeError(sut)).toBe('Too many attempts. Try again in 12 s.');
    expect(new ApiError(0, 'x').isNetworkFailure).toBe(true);
  });
});
