import { describe, expect, it } from 'vitest';
import { ApiError, buildUrl, parseErrorBody } from './api';

describe('parseErrorBody', () => {
  it('reads code, message and field details from the API error shape', () => {
    const error = parseErrorBody(400, {
      error: {
        code: 'VALIDATION_FAILED',
        message: 'name: required',
        details: [{ field: 'name', message: 'required' }],
      },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('name: required');
    expect(error.details).toEqual([{ field: 'name', message: 'required' }]);
  });

  it('treats a body without details as having none', () => {
    const error = parseErrorBody(404, { error: { code: 'NOT_FOUND', message: 'no such account' } });
    expect(error.details).toEqual([]);
  });

  it('turns any other body into UNEXPECTED_RESPONSE with the status', () => {
    const error = parseErrorBody(502, '<html>Bad gateway</html>');
    expect(error.code).toBe('UNEXPECTED_RESPONSE');
    expect(error.status).toBe(502);
  });
});

describe('buildUrl', () => {
  it('prefixes the API base and drops empty query values', () => {
    expect(buildUrl('/workspaces/w1/accounts', { status: 'all', platform: undefined, q: '' })).toBe(
      '/api/v1/workspaces/w1/accounts?status=all',
    );
    expect(buildUrl('/auth/session')).toBe('/api/v1/auth/session');
  });

  it('encodes query values', () => {
    expect(buildUrl('/x', { q: '小红书 & 抖音' })).toBe(
      '/api/v1/x?q=%E5%B0%8F%E7%BA%A2%E4%B9%A6+%26+%E6%8A%96%E9%9F%B3',
    );
  });
});
