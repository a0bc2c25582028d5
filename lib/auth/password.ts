/** Password hashing with argon2id (OWASP parameters: m=19 MiB, t=2, p=1). */
import { hash, verify } from "@node-rs/argon2";

const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** A real hash of a random password: verifying against it costs the same as a real account. */
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$fNp4s3Q3AQl8OKncFoLgGg$kN8UWr4sWnUPVkeblcJmAvXBtzQhXZ07vrmwhxR0aUA";

/** Verifies a password; when there is no account, still spends the time of one verify. */
export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  try {
    const ok = await verify(passwordHash ?? DUMMY_HASH, password);
    return Boolean(passwordHash) && ok;
  } catch {
    return false;
  }
}
