import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { MemberActor } from '../../platform/actor';
import type { Clock } from '../../platform/clock';
import type { Database, DbOrTx } from '../../platform/db/client';
import { DomainError, notFound } from '../../platform/errors';
import type { FileStorage } from '../../platform/storage';
import { files } from './files.tables';

export type ImageType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';
export type MediaType = ImageType | 'video/mp4' | 'video/quicktime' | 'audio/mpeg' | 'audio/mp4';

/** The real type of an image, video or audio file from its first bytes (ISO BMFF brands, MP3 frames). */
export function sniffMediaType(bytes: Buffer): MediaType | null {
  const image = sniffImageType(bytes);
  if (image) return image;
  if (bytes.length >= 12 && bytes.subarray(4, 8).toString('latin1') === 'ftyp') {
    const brand = bytes.subarray(8, 12).toString('latin1');
    if (brand === 'qt  ') return 'video/quicktime';
    if (brand === 'M4A ' || brand === 'M4B ') return 'audio/mp4';
    return 'video/mp4';
  }
  if (bytes.length >= 3 && bytes.subarray(0, 3).toString('latin1') === 'ID3') return 'audio/mpeg';
  // An MPEG audio frame header: 11 set sync bits.
  if (bytes.length >= 2 && bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0)
    return 'audio/mpeg';
  return null;
}

/**
 * The real type of an image from its first bytes; the client's claimed type and file name are
 * never trusted. SVG is not an image here: it can carry script.
 */
export function sniffImageType(bytes: Buffer): ImageType | null {
  const b = bytes;
  if (
    b.length >= 8 &&
    b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (
    b.length >= 6 &&
    (b.subarray(0, 6).toString('latin1') === 'GIF87a' ||
      b.subarray(0, 6).toString('latin1') === 'GIF89a')
  )
    return 'image/gif';
  if (
    b.length >= 12 &&
    b.subarray(0, 4).toString('latin1') === 'RIFF' &&
    b.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'image/webp';
  return null;
}

export const MAX_AVATAR_BYTES = 2 * 1024 * 1024;

export function createFilesService(deps: {
  database: Database;
  clock: Clock;
  storage: FileStorage;
}) {
  const { db } = deps.database;
  return {
    /** Checks and stores an uploaded image; the row is written in the caller's transaction. */
    async storeImage(
      tx: DbOrTx,
      member: MemberActor,
      input: {
        bytes: Buffer;
        originalName: string | null;
        purpose: string;
        maxBytes: number;
        allowMedia?: boolean;
      },
    ): Promise<typeof files.$inferSelect> {
      if (input.bytes.length === 0)
        throw new DomainError('VALIDATION', 'file: is empty', [
          { field: 'file', message: 'is empty' },
        ]);
      if (input.bytes.length > input.maxBytes) {
        throw new DomainError(
          'PAYLOAD_TOO_LARGE',
          `file: larger than ${Math.round(input.maxBytes / 1024 / 1024)} MB`,
          [
            {
              field: 'file',
              message: `larger than ${Math.round(input.maxBytes / 1024 / 1024)} MB`,
            },
          ],
        );
      }
      const mimeType = input.allowMedia ? sniffMediaType(input.bytes) : sniffImageType(input.bytes);
      if (!mimeType) {
        const what = input.allowMedia
          ? 'must be a PNG, JPEG, GIF or WebP image, an MP4/MOV video or MP3/M4A audio'
          : 'must be a PNG, JPEG, GIF or WebP image';
        throw new DomainError('UNSUPPORTED_MEDIA', `file: ${what}`, [
          { field: 'file', message: what },
        ]);
      }
      const sha256 = createHash('sha256').update(input.bytes).digest('hex');
      const [row] = await tx
        .insert(files)
        .values({
          workspaceId: member.workspaceId,
          purpose: input.purpose,
          mimeType,
          size: input.bytes.length,
          sha256,
          storageKey: `pending`,
          originalName: input.originalName?.slice(0, 200) ?? null,
          createdBy: member.userId,
          createdAt: deps.clock.now(),
        })
        .returning();
      if (!row) throw new Error('file insert returned nothing');
      const storageKey = `${member.workspaceId}/${row.id}`;
      await deps.storage.put(storageKey, input.bytes);
      await tx.update(files).set({ storageKey }).where(eq(files.id, row.id));
      return { ...row, storageKey };
    },

    /** Reads a file of the member's workspace. */
    async readFile(
      member: MemberActor,
      fileId: string,
    ): Promise<{ bytes: Buffer; mimeType: string; sha256: string }> {
      const row = await db.query.files.findFirst({
        where: and(eq(files.id, fileId), eq(files.workspaceId, member.workspaceId)),
      });
      if (!row) throw notFound('File');
      return {
        bytes: await deps.storage.get(row.storageKey),
        mimeType: row.mimeType,
        sha256: row.sha256,
      };
    },
  };
}

export type FilesService = ReturnType<typeof createFilesService>;
