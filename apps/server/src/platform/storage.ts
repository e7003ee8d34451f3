import fs from 'node:fs/promises';
import path from 'node:path';

/** Where uploaded bytes live. Local disk by default; tests use memory. */
export type FileStorage = {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
};

function safeKey(key: string): string {
  if (!/^[a-zA-Z0-9/_-]+$/.test(key) || key.includes('..'))
    throw new Error(`bad storage key ${key}`);
  return key;
}

/** Stores files under a directory (shared between processes in production, e.g. a volume). */
export function createLocalStorage(root: string): FileStorage {
  return {
    async put(key, bytes) {
      const file = path.join(root, safeKey(key));
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Write then rename: a crash never leaves a half-written file under the real name.
      const tmp = `${file}.${process.pid}.tmp`;
      await fs.writeFile(tmp, bytes);
      await fs.rename(tmp, file);
    },
    get: (key) => fs.readFile(path.join(root, safeKey(key))),
    delete: (key) => fs.rm(path.join(root, safeKey(key)), { force: true }),
  };
}

export function createMemoryStorage(): FileStorage {
  const m = new Map<string, Buffer>();
  return {
    put: (key, bytes) => {
      m.set(safeKey(key), Buffer.from(bytes));
      return Promise.resolve();
    },
    get: (key) => {
      const b = m.get(key);
      return b ? Promise.resolve(b) : Promise.reject(new Error(`no such file ${key}`));
    },
    delete: (key) => {
      m.delete(key);
      return Promise.resolve();
    },
  };
}
