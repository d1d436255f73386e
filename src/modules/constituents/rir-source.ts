import { realpath, stat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../kernel/index.js';
import type { FetchLimits } from './deps.js';

/**
 * Where the server reads an RIR delegated file from: a URL (fetched with a size limit and a
 * timeout) or a path inside the allowed import folder (`CIRTKIT_DATA_DIR/imports`), never
 * elsewhere on the server's disk — symbolic links leading out of the folder are refused too.
 */
const refuse = (message: string) =>
  new AppError('validation_failed', `source ${message}`, {
    issues: [{ field: 'source', message }],
  });

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

async function fetchLimited(url: URL, limits: FetchLimits): Promise<Buffer> {
  let answer: Response;
  try {
    answer = await fetch(url, {
      signal: AbortSignal.timeout(limits.timeoutMs),
      redirect: 'follow',
      headers: { accept: 'text/plain, */*' },
    });
  } catch (error) {
    const reason =
      error instanceof Error && error.name === 'TimeoutError'
        ? `did not answer within ${limits.timeoutMs / 1000} s`
        : `could not be fetched (${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message})`;
    throw refuse(`${url.href} ${reason}`);
  }
  if (!answer.ok) {
    await answer.body?.cancel();
    throw refuse(`${url.href} answered HTTP ${answer.status}`);
  }
  const declared = Number(answer.headers.get('content-length') ?? NaN);
  if (declared > limits.maxBytes) {
    await answer.body?.cancel();
    throw refuse(
      `${url.href} is ${megabytes(declared)}, over the limit of ${megabytes(limits.maxBytes)}`,
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of answer.body ?? []) {
      size += (chunk as Uint8Array).byteLength;
      if (size > limits.maxBytes) {
        await answer.body?.cancel().catch(() => undefined);
        throw refuse(`${url.href} is over the limit of ${megabytes(limits.maxBytes)}`);
      }
      chunks.push(Buffer.from(chunk as Uint8Array));
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const timeout = error instanceof Error && error.name === 'TimeoutError';
    throw refuse(
      timeout
        ? `${url.href} did not finish within ${limits.timeoutMs / 1000} s`
        : `${url.href} broke off (${(error as Error).message})`,
    );
  }
  return Buffer.concat(chunks);
}

async function readAllowed(file: string, importDir: string | null, limits: FetchLimits) {
  if (importDir === null)
    throw refuse('is a path, but this server reads files from no folder: give a URL');
  const folder = await realpath(importDir).catch(() => null);
  if (folder === null)
    throw refuse(
      `is a path, but the import folder ${importDir} does not exist: create it and put the file there, or give a URL`,
    );
  const wanted = path.resolve(folder, file);
  const real = await realpath(wanted).catch(() => null);
  const inside = (p: string) => p === folder || p.startsWith(folder + path.sep);
  if (!inside(wanted) || (real !== null && !inside(real)))
    throw refuse(`must be a file inside the import folder ${importDir}`);
  if (real === null) throw refuse(`${file} is not in the import folder ${importDir}`);
  const info = await stat(real);
  if (!info.isFile()) throw refuse(`${file} is not a file`);
  if (info.size > limits.maxBytes)
    throw refuse(
      `${file} is ${megabytes(info.size)}, over the limit of ${megabytes(limits.maxBytes)}`,
    );
  return readFile(real);
}

/** The bytes of an RIR file named by a URL or by a path inside the import folder. */
export async function readRirSource(
  source: string,
  importDir: string | null,
  limits: FetchLimits,
): Promise<Buffer> {
  const text = source.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw refuse(`${text} is not a valid URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw refuse(`${url.protocol} URLs are not fetched: give an http(s) URL or a path`);
    return fetchLimited(url, limits);
  }
  return readAllowed(text, importDir, limits);
}
