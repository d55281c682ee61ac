import bcrypt from 'bcryptjs';
import { mix } from './rng.js';

/** bcrypt's own base-64 alphabet (salts are 22 characters of it). */
const BCRYPT_ALPHABET = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A real bcrypt hash (`$2b$10$…`) of the run's known password, so a developer can sign in as any
 * seeded user. Computed once per run; the salt comes from the seed, so the bytes are reproducible.
 */
export function passwordHash(password: string, seed: number): string {
  let salt = '';
  for (let k = 0; k < 22; k++) salt += BCRYPT_ALPHABET[mix(seed >>> 0, k) % 64];
  // bcrypt keeps only the top bits of the last salt character: normalise it so the salt is canonical
  salt = salt.slice(0, 21) + '.Oeu'[mix(seed >>> 0, 99) % 4];
  return bcrypt.hashSync(password, `$2b$10$${salt}`);
}

/** The password autoseed uses unless AUTOSEED_PASSWORD says otherwise (documented in the README). */
export const DEFAULT_PASSWORD = 'autoseed-demo';
