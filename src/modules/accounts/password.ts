import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Passwords are hashed with scrypt (RFC 7914), built into Node: no native add-on to compile.
 * Parameters are stored with each hash so they can be raised later without breaking old hashes.
 * N=2^15, r=8, p=1 uses 32 MiB and takes ~50-100 ms here: slow for guessing, fine for a login.
 */
const defaults = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 };

function scryptAsync(
  password: string,
  salt: Buffer,
  keyLength: number,
  options: ScryptOptions,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password,
      salt,
      keyLength,
      { ...options, maxmem: 128 * options.N! * options.r! * 2 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const { N, r, p, keyLength } = defaults;
  const key = await scryptAsync(password.normalize('NFC'), salt, keyLength, { N, r, p });
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, saltText, keyText] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(keyText, 'base64');
  const key = await scryptAsync(
    password.normalize('NFC'),
    Buffer.from(saltText, 'base64'),
    expected.length,
    {
      N: Number(n),
      r: Number(r),
      p: Number(p),
    },
  );
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash of nothing anyone knows, verified against when a login names no user (equal timing). */
export const decoyHash =
  'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export const minPasswordLength = 12;
export const maxPasswordLength = 256;

/** The password policy (NIST SP 800-63B style: length over composition rules). Returns broken rules. */
export function passwordProblems(password: string, context: { email?: string } = {}): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < minPasswordLength)
    problems.push(`must be at least ${minPasswordLength} characters long`);
  if (length > maxPasswordLength)
    problems.push(`must be at most ${maxPasswordLength} characters long`);
  if (new Set(password).size < 4) problems.push('must not repeat the same few characters');
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && password.toLowerCase().includes(local)) {
    problems.push('must not contain the e-mail address');
  }
  return problems;
}

// No look-alike characters (0/O, 1/l/I) so a password read from a console is typed right.
const alphabet = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A one-time password: 20 characters from 57, about 117 bits. */
export function generatePassword(length = 20): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}
