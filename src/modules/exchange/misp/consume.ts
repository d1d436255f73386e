import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError, type Clock } from '../../../kernel/index.js';
import type { Db } from '../../../storage/index.js';
import { PeerError } from '../client/http.js';
import { ingest } from '../ingest.js';
import { manifestSchema } from './feed.js';
import { parseMispEvent } from './schema.js';
import { mispToStix } from './to-stix.js';

export interface FeedSource {
  /** The feed's base URL (where manifest.json is) or a local folder. */
  location: string;
  /** An Authorization header value for the feed's server, if it needs one. */
  authorization?: string | undefined;
}

export interface FeedOutcome {
  events: number;
  stored: number;
  refused: number;
  skipped: number;
  /** Events that could not be read, with the reason. */
  problems: { event: string; reason: string }[];
}

const maxBytes = 50 * 1024 * 1024;

async function read(source: FeedSource, name: string): Promise<string> {
  if (!/^https?:\/\//i.test(source.location)) {
    try {
      return readFileSync(path.join(source.location, name), 'utf8');
    } catch (error) {
      throw new AppError(
        'not_found',
        `Cannot read ${name} in ${source.location}: ${(error as Error).message}`,
      );
    }
  }
  const url = new URL(
    name,
    source.location.endsWith('/') ? source.location : `${source.location}/`,
  );
  let response: Response;
  try {
    response = await fetch(url, {
      redirect: 'manual',
      signal: AbortSignal.timeout(30_000),
      headers: source.authorization ? { authorization: source.authorization } : {},
    });
  } catch (error) {
    throw new PeerError(
      `the feed could not be reached at ${url.origin}: ${(error as Error).message}`,
      true,
    );
  }
  if (response.status !== 200)
    throw new PeerError(
      `the feed answered ${response.status} for ${url.pathname}`,
      response.status >= 500,
    );
  const text = await response.text();
  if (text.length > maxBytes)
    throw new PeerError(`${url.pathname} is larger than ${maxBytes} bytes`, false);
  return text;
}

/**
 * Reads a MISP feed (its manifest, then each event) into a collection. Each event is checked
 * and stored on its own; an event that cannot be read is listed and the others go on.
 */
export async function consumeMispFeed(
  db: Db,
  clock: Clock,
  collectionId: string,
  source: FeedSource,
): Promise<FeedOutcome> {
  let manifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(await read(source, 'manifest.json')));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      'validation_failed',
      `The feed's manifest.json is not a MISP feed manifest: ${(error as Error).message.slice(0, 300)}`,
    );
  }
  const outcome: FeedOutcome = { events: 0, stored: 0, refused: 0, skipped: 0, problems: [] };
  for (const uuid of Object.keys(manifest)) {
    try {
      const parsed = parseMispEvent(JSON.parse(await read(source, `${uuid}.json`)));
      if (!parsed.ok) {
        outcome.problems.push({
          event: uuid,
          reason: parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; '),
        });
        continue;
      }
      const { objects, skipped } = mispToStix(parsed.event);
      const result = await ingest(db, clock, collectionId, objects, {
        source: 'import',
        collection: source.location,
      });
      outcome.events += 1;
      outcome.stored += result.successes.length;
      outcome.refused += result.failures.length;
      outcome.skipped += skipped.length;
    } catch (error) {
      outcome.problems.push({
        event: uuid,
        reason: error instanceof AppError ? error.message : 'not JSON',
      });
    }
  }
  return outcome;
}
