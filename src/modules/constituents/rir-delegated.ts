/**
 * The RIR statistics exchange format, extended ("delegated-<registry>-extended-latest") as
 * AFRINIC, APNIC, ARIN, LACNIC and RIPE NCC publish it:
 *
 *   version|registry|serial|records|startdate|enddate|UTCoffset      (the version line)
 *   registry|*|type|*|count|summary                                  (one per type)
 *   registry|cc|type|start|value|date|status|opaque-id[|extensions]  (records)
 *
 * For ipv4 `value` counts addresses (not always a power of two, nor aligned), for ipv6 it is a
 * prefix length, for asn a count of AS numbers. Lines starting with # are comments.
 *
 * The core, `parseDelegatedLine`, reads one line without state; `createDelegatedParser` adds the
 * country and status filters and the header and summary checks, line by line, so a 10 MB file
 * streams. A bad line is reported with its number and the run goes on.
 *
 * @example
 * const result = await parseDelegated(readDelegated('delegated-afrinic-extended-latest'), {
 *   country: 'KE',
 * });
 * result.records.flatMap((r) => r.prefixes); // ['192.0.2.0/24', ...]
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createGunzip } from 'node:zlib';
import { formatIPv4, parseAsNumber, parseIPv4Address, parseIpPrefix } from './ownership-value.js';

export type DelegatedType = 'ipv4' | 'ipv6' | 'asn';
export type DelegatedStatus = 'allocated' | 'assigned' | 'available' | 'reserved';
export interface DelegatedRecord {
  line: number;
  registry: string;
  /** ISO 3166 alpha-2 upper case; '' when the file gives none (available, reserved). */
  cc: string;
  type: DelegatedType;
  start: string;
  value: number;
  /** YYYY-MM-DD, or null when the file gives none (empty or 00000000). */
  date: string | null;
  status: DelegatedStatus;
  opaqueId: string;
  extensions: string[];
  /** Canonical CIDR prefixes covering the range exactly (empty for asn). */
  prefixes: string[];
  /** First and last AS number (asn only). */
  asns?: [number, number];
}
export interface DelegatedHeader {
  line: number;
  version: string;
  registry: string;
  serial: string;
  records: number;
  startDate: string;
  endDate: string;
  utcOffset: string;
}
export interface DelegatedSummary {
  line: number;
  registry: string;
  type: DelegatedType;
  count: number;
}
export interface DelegatedProblem {
  line: number;
  /** 1-based column of the field at fault. */
  column?: number;
  message: string;
}
export type DelegatedLine =
  | { kind: 'blank' | 'comment' }
  | { kind: 'header'; header: DelegatedHeader }
  | { kind: 'summary'; summary: DelegatedSummary }
  | { kind: 'record'; record: DelegatedRecord }
  | { kind: 'error'; error: DelegatedProblem };
export interface DelegatedOptions {
  /** Keep only this country's records (ISO 3166 alpha-2). */
  country?: string;
  /** Keep only these statuses; allocated and assigned when not given. */
  statuses?: ('allocated' | 'assigned')[];
}
export interface DelegatedResult {
  header: DelegatedHeader | null;
  summaries: DelegatedSummary[];
  records: DelegatedRecord[];
  errors: DelegatedProblem[];
  /** Disagreements that do not stop an import (summary or header counts). */
  warnings: DelegatedProblem[];
  /** Records read by type, every country and status (what the summaries count). */
  counts: Record<DelegatedType, number>;
  /** Well-formed records left out by the filters. */
  skipped: number;
}

const types = new Set<string>(['ipv4', 'ipv6', 'asn']);
const statuses = new Set<string>(['allocated', 'assigned', 'available', 'reserved']);
const maxAsn = 4294967295;

/** The minimal list of CIDR prefixes covering `count` addresses from `start`. */
export function ipv4RangeToPrefixes(start: number, count: number): string[] {
  const prefixes: string[] = [];
  let at = start;
  let left = count;
  while (left > 0) {
    // The largest block aligned at `at` that does not run past the end.
    let size = at === 0 ? 2 ** 32 : (at & -at) >>> 0;
    while (size > left) size /= 2;
    prefixes.push(`${formatIPv4(at)}/${32 - Math.log2(size)}`);
    at += size;
    left -= size;
  }
  return prefixes;
}

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isoDate(text: string): string | null | undefined {
  if (text === '' || text === '00000000') return null;
  if (!/^\d{8}$/.test(text)) return undefined;
  const [year, month, day] = [+text.slice(0, 4), +text.slice(4, 6), +text.slice(6, 8)];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : monthDays[month - 1];
  if (days === undefined || day < 1 || day > days) return undefined;
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
}

function problem(
  fields: string[],
  line: number,
  i: number | undefined,
  message: string,
): DelegatedLine {
  if (i === undefined) return { kind: 'error', error: { line, message } };
  const column = fields.slice(0, i).reduce((sum, f) => sum + f.length + 1, 1);
  return { kind: 'error', error: { line, column, message } };
}

function countAt(fields: string[], i: number): number | undefined {
  return /^\d{1,10}$/.test(fields[i]!) ? Number(fields[i]) : undefined;
}

/** Reads one line of a delegated file (1-based `line` for messages); keeps no state. */
export function parseDelegatedLine(text: string, line: number): DelegatedLine {
  const trimmed = text.trimEnd();
  if (trimmed.trim() === '') return { kind: 'blank' };
  if (trimmed.startsWith('#')) return { kind: 'comment' };
  const fields = trimmed.split('|');

  if (/^\d+(\.\d+)?$/.test(fields[0]!)) {
    if (fields.length < 7) {
      return problem(
        fields,
        line,
        undefined,
        `the version line has ${fields.length} fields, not 7`,
      );
    }
    const records = countAt(fields, 3);
    if (records === undefined)
      return problem(fields, line, 3, `the record count "${fields[3]}" is not a number`);
    const [version, registry, serial, , startDate, endDate, utcOffset] = fields;
    return {
      kind: 'header',
      header: {
        line,
        version,
        registry,
        serial,
        records,
        startDate,
        endDate,
        utcOffset,
      } as DelegatedHeader,
    };
  }
  if (fields[1] === '*' && fields[5] === 'summary') {
    if (!types.has(fields[2]!))
      return problem(fields, line, 2, `unknown type "${fields[2]}" in a summary line`);
    const n = countAt(fields, 4);
    if (n === undefined)
      return problem(fields, line, 4, `the summary count "${fields[4]}" is not a number`);
    return {
      kind: 'summary',
      summary: { line, registry: fields[0]!, type: fields[2] as DelegatedType, count: n },
    };
  }
  if (fields.length < 7) {
    return problem(
      fields,
      line,
      undefined,
      `${fields.length} fields where a record has at least 7 (registry|cc|type|start|value|date|status)`,
    );
  }
  const [registry, ccRaw, type, start, , dateRaw, status] = fields;
  if (!/^[a-z]+$/.test(registry!))
    return problem(fields, line, 0, `"${registry}" is not a registry name`);
  if (ccRaw !== '' && !/^[A-Z]{2}$/.test(ccRaw!)) {
    return problem(fields, line, 1, `"${ccRaw}" is not a country code (two capital letters)`);
  }
  if (!types.has(type!))
    return problem(fields, line, 2, `unknown type "${type}" (ipv4, ipv6 or asn)`);
  const value = countAt(fields, 4);
  if (value === undefined) return problem(fields, line, 4, `"${fields[4]}" is not a count`);
  if (value === 0) return problem(fields, line, 4, 'a count of 0');
  const date = isoDate(dateRaw!);
  if (date === undefined) return problem(fields, line, 5, `"${dateRaw}" is not a date (YYYYMMDD)`);
  if (!statuses.has(status!)) {
    return problem(
      fields,
      line,
      6,
      `unknown status "${status}" (allocated, assigned, available, reserved)`,
    );
  }
  const record: DelegatedRecord = {
    line,
    registry: registry!,
    cc: ccRaw === 'ZZ' ? '' : ccRaw!,
    type: type as DelegatedType,
    start: start!,
    value,
    date,
    status: status as DelegatedStatus,
    opaqueId: fields[7] ?? '',
    extensions: fields.slice(8),
    prefixes: [],
  };
  if (type === 'ipv4') {
    const address = parseIPv4Address(start!);
    if (typeof address === 'string') return problem(fields, line, 3, address);
    if (address + value > 2 ** 32)
      return problem(fields, line, 4, `${value} addresses from ${start} run past 255.255.255.255`);
    record.prefixes = ipv4RangeToPrefixes(address, value);
  } else if (type === 'ipv6') {
    if (value > 128) return problem(fields, line, 4, `prefix length ${value} is over 128`);
    const prefix = parseIpPrefix('ipv6', `${start}/${value}`);
    if (typeof prefix === 'string') return problem(fields, line, 3, prefix);
    record.prefixes = [prefix.value];
  } else {
    const first = parseAsNumber(start!);
    if (typeof first === 'string') return problem(fields, line, 3, first);
    if (first + value - 1 > maxAsn)
      return problem(fields, line, 4, `${value} AS numbers from ${first} run past ${maxAsn}`);
    record.asns = [first, first + value - 1];
  }
  return { kind: 'record', record };
}

/**
 * A line-by-line reader: `push` each line (numbered from 1 in order) and get back the record to
 * keep, if any; `result` gives the header, summaries, problems and counts, checking the
 * summaries and the header's record count against what was read (a mismatch is a warning).
 */
export function createDelegatedParser(options: DelegatedOptions = {}) {
  const country = options.country?.toUpperCase();
  if (country !== undefined && !/^[A-Z]{2}$/.test(country)) {
    throw new RangeError(`"${options.country}" is not a country code (two letters)`);
  }
  const wanted = new Set<string>(options.statuses ?? ['allocated', 'assigned']);
  const state: Omit<DelegatedResult, 'records'> = {
    header: null,
    summaries: [],
    errors: [],
    warnings: [],
    counts: { ipv4: 0, ipv6: 0, asn: 0 },
    skipped: 0,
  };
  let lineNumber = 0;
  return {
    push(text: string): DelegatedRecord | null {
      const parsed = parseDelegatedLine(text, ++lineNumber);
      switch (parsed.kind) {
        case 'header':
          if (state.header) {
            state.errors.push({
              line: lineNumber,
              message: `a second version line (the first is line ${state.header.line})`,
            });
          } else state.header = parsed.header;
          return null;
        case 'summary':
          state.summaries.push(parsed.summary);
          return null;
        case 'error':
          state.errors.push(parsed.error);
          return null;
        case 'record': {
          const record = parsed.record;
          state.counts[record.type]++;
          if ((country !== undefined && record.cc !== country) || !wanted.has(record.status)) {
            state.skipped++;
            return null;
          }
          return record;
        }
        default:
          return null;
      }
    },
    result(): Omit<DelegatedResult, 'records'> {
      const warnings: DelegatedProblem[] = [];
      for (const s of state.summaries) {
        if (s.count !== state.counts[s.type]) {
          warnings.push({
            line: s.line,
            message: `the summary counts ${s.count} ${s.type} records but the file has ${state.counts[s.type]}`,
          });
        }
      }
      const total = state.counts.ipv4 + state.counts.ipv6 + state.counts.asn;
      if (state.header && state.header.records !== total) {
        warnings.push({
          line: state.header.line,
          message: `the version line counts ${state.header.records} records but the file has ${total}`,
        });
      }
      if (!state.header && lineNumber > 0) {
        warnings.push({
          line: 1,
          message: 'no version line: is this a delegated statistics file?',
        });
      }
      return { ...state, warnings };
    },
  };
}

/** Parses a whole file's text, or its lines as they arrive (each item one line). */
export async function parseDelegated(
  input: string | Iterable<string> | AsyncIterable<string>,
  options: DelegatedOptions = {},
): Promise<DelegatedResult> {
  const parser = createDelegatedParser(options);
  const records: DelegatedRecord[] = [];
  const take = (item: string) => {
    for (const line of item.includes('\n') ? item.split('\n') : [item]) {
      const record = parser.push(line);
      if (record) records.push(record);
    }
  };
  if (typeof input === 'string') take(input.endsWith('\n') ? input.slice(0, -1) : input);
  else for await (const item of input) take(item);
  return { ...parser.result(), records };
}

/**
 * The lines of a delegated file at a path or an http(s) URL, streamed; a name ending in .gz is
 * decompressed.
 */
export async function* readDelegated(source: string): AsyncIterable<string> {
  let stream: Readable;
  if (/^https?:\/\//i.test(source)) {
    const answer = await fetch(source);
    if (!answer.ok || !answer.body) throw new Error(`${source}: HTTP ${answer.status}`);
    stream = Readable.fromWeb(answer.body as WebReadableStream<Uint8Array>);
  } else stream = createReadStream(source);
  if (source.endsWith('.gz')) stream = stream.pipe(createGunzip());
  yield* createInterface({ input: stream, crlfDelay: Infinity });
}
