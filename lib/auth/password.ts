import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id; the package's const enum can't be read under isolatedModules.
const ARGON2ID = 2;

// OWASP's argon2id baseline (19 MiB, 2 passes); ~30 ms on the 2-core target machine.
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** A hash of nothing anyone knows: verifying against it costs the same as a real check. */
const DECOY = '$argon2id$v=19$m=19456,t=2,p=1$fMmNmxUdtT/YZushZ1E1SA$Wit2Nt25fY/1NXIUlN2532JoxVB6jbzlkSEZJvxTmeI';

/** Always spends one argon2 verification, so unknown emails answer as slowly as wrong passwords. */
export async function verifyPassword(password: string, passwordHash: string | null | undefined): Promise<boolean> {
  try {
    const ok = await verify(passwordHash ?? DECOY, password);
    return ok && passwordHash != null;
  } catch {
    return false;
  }
}
