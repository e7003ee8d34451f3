import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Encrypts small JSON secrets (connector credentials) with AES-256-GCM under one key. */
export type SecretBox = {
  seal(value: Record<string, string>): string;
  open(sealed: string): Record<string, string>;
};

/** Builds a box from a 32-byte key. */
export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32)
    throw new Error(
      'YUNCE_SECRET_KEY must be 32 bytes (64 hex characters or 44 base64 characters)',
    );
  return {
    seal(value) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    open(sealed) {
      if (!sealed.startsWith('v1:')) throw new Error('unknown secret format');
      const raw = Buffer.from(sealed.slice(3), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString(
        'utf8',
      );
      return JSON.parse(text) as Record<string, string>;
    },
  };
}

/** Parses YUNCE_SECRET_KEY given as 64 hex characters or base64. */
export function parseSecretKey(value: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(value)
    ? Buffer.from(value, 'hex')
    : Buffer.from(value, 'base64');
  if (key.length !== 32)
    throw new Error(
      'YUNCE_SECRET_KEY must be 32 bytes (64 hex characters or 44 base64 characters)',
    );
  return key;
}

/**
 * The key for the embedded setup: kept in the data folder (mode 0600) and created on first use,
 * so a laptop install works without configuration. Production sets YUNCE_SECRET_KEY instead.
 */
export function loadOrCreateLocalKey(dataDir: string): Buffer {
  const file = path.join(dataDir, 'secret.key');
  try {
    return parseSecretKey(fs.readFileSync(file, 'utf8').trim());
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const key = randomBytes(32);
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, key.toString('hex'), { mode: 0o600, flag: 'wx' });
  return key;
}
