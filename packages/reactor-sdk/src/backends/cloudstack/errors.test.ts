import { describe, expect, it } from 'vitest';
import {
  CloudStackAllocationError, CloudStackAuthError, CloudStackCapacityError, CloudStackError, CloudStackInternalError, CloudStackLimitError,
  CloudStackParamError, CloudStackPermissionError, CloudStackUnsupportedError, cloudStackErrorFrom,
} from './errors.ts';

describe('CloudStack errors', () => {
  const cases: Array<[number, typeof CloudStackError, string, boolean]> = [
    [401, CloudStackAuthError, 'CLOUDSTACK_UNAUTHORIZED', false],
    [431, CloudStackParamError, 'CLOUDSTACK_PARAM_ERROR', false],
    [432, CloudStackUnsupportedError, 'CLOUDSTACK_UNSUPPORTED', false],
    [530, CloudStackInternalError, 'CLOUDSTACK_INTERNAL_ERROR', true],
    [531, CloudStackPermissionError, 'CLOUDSTACK_PERMISSION_DENIED', false],
    [532, CloudStackLimitError, 'CLOUDSTACK_RESOURCE_LIMIT', false],
    [533, CloudStackCapacityError, 'CLOUDSTACK_INSUFFICIENT_CAPACITY', true],
    [535, CloudStackAllocationError, 'CLOUDSTACK_RESOURCE_ALLOCATION', false],
  ];
  it.each(cases)('errorcode %i -> its own class with a stable code', (errorCode, Cls, code, retryable) => {
    const e = cloudStackErrorFrom({ command: 'deployVirtualMachine', errorCode, csErrorCode: 4350, errorText: 'why', jobId: 'j1' });
    expect(e).toBeInstanceOf(Cls);
    expect(e).toBeInstanceOf(CloudStackError);
    expect(e.name).toBe(Cls.errorName);
    expect(e.code).toBe(code);
    expect(e.retryable).toBe(retryable);
    expect(e.csErrorCode).toBe(4350);
    expect(e.message).toBe(`deployVirtualMachine: ${errorCode} why (job j1)`);
  });

  it('an unknown code gives the base class', () => {
    const e = cloudStackErrorFrom({ command: 'x', errorCode: 999, errorText: 't' });
    expect(e.constructor).toBe(CloudStackError);
    expect(e.code).toBe('CLOUDSTACK_ERROR');
  });

  it('the classes are distinct', () => {
    expect(new Set(cases.map(([, Cls]) => Cls.errorName)).size).toBe(cases.length);
    expect(cloudStackErrorFrom({ command: 'x', errorCode: 533, errorText: '' })).not.toBeInstanceOf(CloudStackAllocationError);
  });
});
