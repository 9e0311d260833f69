import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/**
 * Where a file's bytes live. With ATTACHMENTS_DIR the file goes there under a random key (the
 * name a person gave it never reaches the file system, so it cannot choose a path); without it
 * the bytes go into the row. Each row says which it used, so a register can move to a directory
 * later and still read the files it kept in the database.
 */
export interface StoredContent {
  content: Uint8Array | null;
  storageKey: string | null;
}

export interface AttachmentStorage {
  readonly kind: 'database' | 'directory';
  /** Keeps the bytes (directory: on disk before this returns) and says what the row holds. */
  put(bytes: Buffer): Promise<StoredContent>;
  /** The bytes of a row. */
  get(row: StoredContent): Promise<Buffer>;
  /** Removes a directory file (no-op for database storage); a missing file is not an error. */
  remove(storageKey: string | null): Promise<void>;
}

/** `ab/<32 hex>`: two hex digits of fan-out keep any one folder small. */
const KEY = /^[0-9a-f]{2}\/[0-9a-f]{32}$/;

const asBuffer = (bytes: Uint8Array) =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export function attachmentStorage(dir: string | undefined): AttachmentStorage {
  return dir ? directoryStorage(resolve(dir)) : databaseStorage();
}

function databaseStorage(): AttachmentStorage {
  return {
    kind: 'database',
    put: async (bytes) => ({ content: bytes, storageKey: null }),
    get: async (row) => {
      if (!row.content) throw new Error('attachment kept in ATTACHMENTS_DIR, which is not set');
      return asBuffer(row.content);
    },
    remove: async () => undefined,
  };
}

function directoryStorage(root: string): AttachmentStorage {
  const pathOf = (key: string) => {
    // The key comes from the database: never let a changed row point outside the folder.
    if (!KEY.test(key)) throw new Error('malformed attachment storage key');
    return join(root, key);
  };
  return {
    kind: 'directory',
    async put(bytes) {
      const hex = randomBytes(17).toString('hex');
      const key = `${hex.slice(0, 2)}/${hex.slice(2)}`;
      const target = pathOf(key);
      const folder = join(root, hex.slice(0, 2));
      await mkdir(folder, { recursive: true, mode: 0o700 });
      // Written under a temporary name and renamed, so a file under its key is always complete.
      const temp = join(folder, `.${hex.slice(2)}.tmp`);
      const file = await open(temp, 'wx', 0o600);
      try {
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      try {
        await rename(temp, target);
      } catch (err) {
        await rm(temp, { force: true });
        throw err;
      }
      return { content: null, storageKey: key };
    },
    async get(row) {
      if (row.content) return asBuffer(row.content);
      if (!row.storageKey) throw new Error('attachment row without content');
      return readFile(pathOf(row.storageKey));
    },
    async remove(storageKey) {
      if (storageKey) await rm(pathOf(storageKey), { force: true });
    },
  };
}
