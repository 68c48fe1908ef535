import { describe, expect, it } from 'vitest';
import { clientIp } from './request-info';

describe('clientIp', () => {
  it('trusts only the hop added by the proxy in front of the app', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.5' }))).toBe('203.0.113.5');
    expect(clientIp(new Headers({ 'x-forwarded-for': '::1' }))).toBe('::1');
  });

  it('refuses anything that is not an address', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': "1.2.3.4, ' or 1=1 --" }))).toBeNull();
    expect(clientIp(new Headers())).toBeNull();
  });
});
