import { createReadStream } from 'node:fs';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { PublishError } from '../errors.ts';
import type { Mirror } from '../manifest/types.ts';
import type { ChunkRef, PublishTarget } from './target.ts';

export interface S3TargetOptions {
  /** `s3://bucket/prefix/` */
  readonly url: string;
  /** An S3-compatible endpoint (path-style), e.g. `http://127.0.0.1:5000` for moto. */
  readonly endpoint?: string;
  /** @default process.env.AWS_REGION ?? 'us-east-1' */
  readonly region?: string;
  /** The plain HTTP base consumers read (the bucket prefix must be publicly readable there). */
  readonly publicUrl?: string;
  /**
   * Upload objects with the `public-read` canned ACL (for buckets that allow ACLs). Leave it off
   * when a bucket policy (or a CDN) grants anonymous reads of the prefix.
   */
  readonly publicRead?: boolean;
  /** Objects larger than this go up in multipart parts of this size (S3's minimum: 5 MiB). @default 16 MiB */
  readonly partSize?: number;
}

/** Parses `s3://bucket/prefix` into bucket and a prefix ending in `/` (or empty). */
export function parseS3Url(url: string): { bucket: string; prefix: string } {
  const m = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(url);
  if (!m) throw new PublishError(`--s3 ${url}: expected s3://bucket/prefix`);
  const prefix = (m[2] ?? '').replace(/\/+$/, '');
  return { bucket: m[1]!, prefix: prefix ? prefix + '/' : '' };
}

/**
 * An S3 bucket prefix (AWS or any S3-compatible store; path-style). Credentials come from the
 * AWS SDK's default chain. Chunk objects above `partSize` use multipart uploads; uploads left
 * incomplete by a killed producer are aborted at the next publish.
 */
export function s3Target(o: S3TargetOptions): PublishTarget {
  const { bucket, prefix } = parseS3Url(o.url);
  const region = o.region ?? process.env.AWS_REGION ?? 'us-east-1';
  const client = new S3Client({ region, forcePathStyle: true, ...(o.endpoint ? { endpoint: o.endpoint } : {}) });
  const partSize = o.partSize ?? 16 * 1024 * 1024;
  if (partSize < 5 * 1024 * 1024) throw new PublishError(`S3 multipart parts must be at least 5 MiB (partSize ${partSize})`);
  const publicUrl = o.publicUrl ?? (o.endpoint ? `${o.endpoint.replace(/\/$/, '')}/${bucket}/${prefix}` : `https://${bucket}.s3.${region}.amazonaws.com/${prefix}`);
  const acl = o.publicRead ? { ACL: 'public-read' as const } : {};
  const wrap = async <T>(what: string, f: () => Promise<T>): Promise<T> => {
    try {
      return await f();
    } catch (cause) {
      throw new PublishError(`s3://${bucket}/${prefix}: ${what}: ${(cause as Error).name}: ${(cause as Error).message}`, { cause });
    }
  };
  async function list(sub: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const r = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix + sub, ContinuationToken: token }));
      for (const c of r.Contents ?? []) if (c.Key) keys.push(c.Key.slice(prefix.length + sub.length));
      token = r.IsTruncated ? r.NextContinuationToken : undefined;
    } while (token);
    return keys;
  }
  const getBytes = async (key: string): Promise<Uint8Array | undefined> => {
    try {
      const r = await client.send(new GetObjectCommand({ Bucket: bucket, Key: prefix + key }));
      return await r.Body!.transformToByteArray();
    } catch (e) {
      if ((e as Error).name === 'NoSuchKey') return undefined;
      throw e;
    }
  };
  const put = (key: string, bytes: Uint8Array) => client.send(new PutObjectCommand({ Bucket: bucket, Key: prefix + key, Body: bytes, ContentLength: bytes.length, ...acl }));
  let abortedStale = false;
  async function abortStale(): Promise<void> {
    if (abortedStale) return;
    abortedStale = true;
    const r = await client.send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: prefix + 'chunks/' }));
    for (const u of r.Uploads ?? []) await client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: u.Key!, UploadId: u.UploadId! }));
  }
  async function multipart(key: string, c: ChunkRef): Promise<void> {
    const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ...acl }));
    try {
      const parts: { ETag: string; PartNumber: number }[] = [];
      for (let off = 0, n = 1; off < c.length; off += partSize, n++) {
        const len = Math.min(partSize, c.length - off);
        const body = createReadStream(c.path, { start: c.offset + off, end: c.offset + off + len - 1 });
        const r = await client.send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId, PartNumber: n, Body: body, ContentLength: len }));
        parts.push({ ETag: r.ETag!, PartNumber: n });
      }
      await client.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId, MultipartUpload: { Parts: parts } }));
    } catch (e) {
      await client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId })).catch(() => undefined);
      throw e;
    }
  }
  return {
    label: `s3://${bucket}/${prefix}`,
    listChunks: () => wrap('list chunks', async () => {
      await abortStale();
      return new Set((await list('chunks/')).filter((k) => /^[0-9a-f]{64}$/.test(k)));
    }),
    putChunk: (hex, c) =>
      wrap(`upload chunk ${hex.slice(0, 12)}`, async () => {
        const key = `${prefix}chunks/${hex}`;
        if (c.length > partSize) return multipart(key, c);
        const body = c.length ? createReadStream(c.path, { start: c.offset, end: c.offset + c.length - 1 }) : new Uint8Array();
        await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentLength: c.length, ...acl }));
      }),
    deleteChunk: (hex) => wrap('delete chunk', async () => void (await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: `${prefix}chunks/${hex}` })))),
    listManifests: () =>
      wrap('list manifests', async () => {
        const out = new Map<string, Uint8Array>();
        for (const k of await list('manifests/')) {
          const m = /^([0-9a-f]{64})\.dsnm$/.exec(k);
          const b = m && (await getBytes(`manifests/${k}`));
          if (m && b) out.set(m[1]!, b);
        }
        return out;
      }),
    getLatest: () => wrap('read latest.dsnm', () => getBytes('latest.dsnm')),
    putManifest: (id, bytes) => wrap('upload manifest', async () => void (await put(`manifests/${id}.dsnm`, bytes))),
    putLatest: (bytes) => wrap('upload latest.dsnm', async () => void (await put('latest.dsnm', bytes))),
    deleteManifest: (id) => wrap('delete manifest', async () => void (await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: `${prefix}manifests/${id}.dsnm` })))),
    mirror: async (): Promise<Mirror> => ({ kind: 's3', url: publicUrl }),
    location: async (id) => `${publicUrl}manifests/${id}.dsnm`,
    close: async () => client.destroy(),
  };
}
