import "server-only";
import { hash, verify } from "@node-rs/argon2";

// OWASP's argon2id baseline: m=19 MiB, t=2, p=1. `algorithm: 2` is Argon2id (the
// package's enum is a const enum, which isolated modules cannot import).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same work as a real check when the account does not exist (or has no
 * password), so response times do not reveal which emails have accounts.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("commonplace-dummy-password-for-timing");
  await verifyPassword(await dummyHash, password);
  return false;
}
