import { TRPCClientError } from '@trpc/client';
import { describe, expect, it, vi } from 'vitest';
import {
  applyServerErrors,
  describeError,
  errorCode,
  isNotFound,
  isStaleVersion,
  issuesOf,
} from './server-errors';

/** A failed call as the browser's tRPC client reports it. */
function failedCall(message: string, data: Record<string, unknown>) {
  return new TRPCClientError(message, {
    result: { error: { message, code: -32600, data } },
  });
}

describe('server errors', () => {
  it('reads the code and the field issues the server sent', () => {
    const issues = [{ path: ['lines', 0, 'quantity'], message: 'must be at least 1' }];
    const error = failedCall('Invalid input', { code: 'BAD_REQUEST', httpStatus: 400, issues });
    expect(errorCode(error)).toBe('BAD_REQUEST');
    expect(issuesOf(error)).toEqual(issues);
  });

  it('finds nothing on errors that did not come from the server', () => {
    for (const error of [new Error('offline'), 'text', null, undefined, { data: null }]) {
      expect(errorCode(error)).toBeUndefined();
      expect(issuesOf(error)).toEqual([]);
      expect(isNotFound(error)).toBe(false);
      expect(isStaleVersion(error)).toBe(false);
    }
  });

  it('takes a missing record and a malformed id alike as not found', () => {
    expect(isNotFound(failedCall('Not found', { code: 'NOT_FOUND' }))).toBe(true);
    expect(isNotFound(failedCall('Invalid id', { code: 'BAD_REQUEST' }))).toBe(true);
    expect(isNotFound(failedCall('Forbidden', { code: 'FORBIDDEN' }))).toBe(false);
  });

  it('tells a stale version from other conflicts', () => {
    const stale = failedCall('Changed meanwhile', {
      code: 'CONFLICT',
      issues: [{ path: ['expectedVersion'], message: 'is not the current version' }],
    });
    const duplicate = failedCall('Taken', {
      code: 'CONFLICT',
      issues: [{ path: ['email'], message: 'is taken' }],
    });
    expect(isStaleVersion(stale)).toBe(true);
    expect(isStaleVersion(duplicate)).toBe(false);
  });

  it('gives internal errors their request id, and other errors only their message', () => {
    const internal = failedCall('Internal error', { httpStatus: 500, requestId: 'req-42' });
    expect(describeError(internal)).toBe('Internal error (request id req-42)');
    expect(describeError(failedCall('Internal error', { httpStatus: 503 }))).toBe('Internal error');
    expect(describeError(failedCall('Not allowed', { httpStatus: 403, requestId: 'req-43' }))).toBe(
      'Not allowed',
    );
    expect(describeError(new Error('offline'))).toBe('offline');
    expect(describeError('text')).toBe('Something went wrong');
  });

  it('puts issues on the form fields it names and says whether any landed', () => {
    const setError = vi.fn();
    const error = failedCall('Invalid input', {
      issues: [
        { path: ['email'], message: 'is taken' },
        { path: ['address', 'city'], message: 'is required' },
      ],
    });
    expect(applyServerErrors(error, setError, ['email', 'name'])).toBe(true);
    expect(setError).toHaveBeenCalledExactlyOnceWith('email', {
      type: 'server',
      message: 'is taken',
    });
    expect(applyServerErrors(error, vi.fn(), ['name'])).toBe(false);
  });
});
