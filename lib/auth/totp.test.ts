import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_TOTP_SECRETS } from '@/db/seed/organisation';
import { codeForStep, hashRecoveryCode, newRecoveryCodes, parseSecondStepCode, stepOfCode, timeStep, totpUri, TOTP_PERIOD_SECONDS } from './totp';

describe('TOTP', () => {
  // RFC 6238, appendix B: the SHA-1 secret "12345678901234567890" at 59 s gives 94287082 (8 digits); 6 digits: 287082.
  it('computes the RFC 6238 test vector', () => {
    const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(codeForStep(rfcSecret, timeStep(59_000))).toBe('287082');
  });

  it('accepts one step of drift either way, and no more', () => {
    const secret = DEMO_TOTP_SECRETS.manager;
    const now = 1_800_000_000_000;
    const step = timeStep(now);
    for (const d of [-1, 0, 1]) expect(stepOfCode(secret, codeForStep(secret, step + d), now)).toBe(step + d);
    for (const d of [-3, -2, 2, 3]) {
      const code = codeForStep(secret, step + d);
      const nearby = [-1, 0, 1].map((x) => codeForStep(secret, step + x));
      if (!nearby.includes(code)) expect(stepOfCode(secret, code, now)).toBeNull();
    }
    expect(TOTP_PERIOD_SECONDS).toBe(30);
  });

  it('tells a six-digit code from a recovery code, and refuses anything else', () => {
    expect(parseSecondStepCode(' 123 456 ')).toEqual({ kind: 'totp', code: '123456' });
    expect(parseSecondStepCode('ABCDE-FGH23')).toEqual({ kind: 'recovery', code: 'abcdefgh23' });
    for (const bad of ['', '12345', '1234567', 'abcde-fgh1', '<script>', '１２３４５６']) expect(parseSecondStepCode(bad)).toBeNull();
  });

  it('makes ten distinct recovery codes and hashes them however they are typed', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
    expect(hashRecoveryCode(codes[0]!.toUpperCase().replace('-', ' '))).toBe(hashRecoveryCode(codes[0]!));
  });
});

describe('the README', () => {
  it('tells how to sign in to the demo with two-step: each demo secret and its otpauth:// address', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain('npm run demo:code -- manager');
    expect(readme).toContain(DEMO_TOTP_SECRETS.manager);
    expect(readme).toContain(totpUri(DEMO_TOTP_SECRETS.manager, 'manager@cpu.local'));
    expect(readme).toContain(totpUri(DEMO_TOTP_SECRETS.admin, 'admin@cpu.local'));
  });
});
