/**
 * The STIX Cyber-observable Objects of the exchange module (specification section 6):
 * autonomous-system, domain-name, email-addr, file, ipv4-addr, ipv6-addr, url.
 */
import { isIPv4, isIPv6 } from 'node:net';
import { z } from 'zod';
import {
  extensionsSchema,
  granularMarkingSchema,
  hashesSchema,
  list,
  stixObject,
  urlSchema,
} from './common.js';
import { familyOf, refSchema, stixIdSchema } from './identifier.js';
import { timestampSchema } from './timestamp.js';

/** Predefined SCO extensions (section 6), by the type that carries them. */
export const predefinedExtensions: Readonly<Record<string, readonly string[]>> = {
  file: ['archive-ext', 'ntfs-ext', 'pdf-ext', 'raster-image-ext', 'windows-pebinary-ext'],
  'network-traffic': ['http-request-ext', 'icmp-ext', 'socket-ext', 'tcp-ext'],
  process: ['windows-process-ext', 'windows-service-ext'],
  'user-account': ['unix-account-ext'],
};

/** Properties of every SCO (section 6.1): no created, modified or created_by_ref. */
const scoCommonShape = <T extends string>(type: T) => ({
  type: z.literal(type),
  spec_version: z.literal('2.1').optional(),
  id: stixIdSchema(type),
  object_marking_refs: list(refSchema(['marking-definition'])).optional(),
  granular_markings: list(granularMarkingSchema).optional(),
  defanged: z.boolean().optional(),
  extensions: extensionsSchema(predefinedExtensions[type] ?? []).optional(),
});

const withPrefix = (text: string, max: number, isAddress: (a: string) => boolean): boolean => {
  const [address, prefix, extra] = text.split('/');
  if (extra !== undefined || !isAddress(address ?? '')) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= max);
};

const anySco = () => refSchema([], (t) => familyOf(t) === 'sco', 'an SCO');

export const ipv4AddrSchema = stixObject({
  ...scoCommonShape('ipv4-addr'),
  value: z.string().refine((v) => withPrefix(v, 32, isIPv4), {
    error: 'must be an IPv4 address or CIDR block, e.g. 198.51.100.3 or 198.51.100.0/24',
  }),
  resolves_to_refs: list(refSchema(['mac-addr'])).optional(),
  belongs_to_refs: list(refSchema(['autonomous-system'])).optional(),
});

export const ipv6AddrSchema = stixObject({
  ...scoCommonShape('ipv6-addr'),
  value: z.string().refine((v) => withPrefix(v, 128, isIPv6), {
    error: 'must be an IPv6 address or CIDR block, e.g. 2001:db8::1 or 2001:db8::/32',
  }),
  resolves_to_refs: list(refSchema(['mac-addr'])).optional(),
  belongs_to_refs: list(refSchema(['autonomous-system'])).optional(),
});

const label = /^[\p{L}\p{N}_](?:[\p{L}\p{N}\p{M}_-]{0,61}[\p{L}\p{N}\p{M}_])?$/u;
/** RFC 1034 names, with internationalised (RFC 5890) labels and underscores (SRV, DMARC). */
export const isDomainName = (name: string): boolean =>
  name.length > 0 && name.length <= 253 && name.split('.').every((l) => label.test(l));

export const domainNameSchema = stixObject({
  ...scoCommonShape('domain-name'),
  value: z.string().refine(isDomainName, {
    error: 'must be a domain name, e.g. example.com (labels of 1 to 63 characters)',
  }),
  resolves_to_refs: list(refSchema(['ipv4-addr', 'ipv6-addr', 'domain-name'])).optional(),
});

export const urlObjectSchema = stixObject({
  ...scoCommonShape('url'),
  value: urlSchema,
});

export const emailAddrSchema = stixObject({
  ...scoCommonShape('email-addr'),
  value: z.string().refine(
    (v) => {
      const at = v.lastIndexOf('@');
      return at > 0 && !/\s/.test(v) && isDomainName(v.slice(at + 1).replace(/^\[|\]$/g, ''));
    },
    { error: 'must be an e-mail address (addr-spec), e.g. jdoe@example.com' },
  ),
  display_name: z.string().optional(),
  belongs_to_ref: refSchema(['user-account']).optional(),
});

const hex = z.string().regex(/^([0-9a-fA-F]{2})+$/, { error: 'must be hexadecimal octets' });

/** Section 6.7: at least one of hashes and name. */
export const fileSchema = stixObject(
  {
    ...scoCommonShape('file'),
    hashes: hashesSchema.optional(),
    size: z.int().min(0, { error: 'must be a whole number of bytes, 0 or more' }).optional(),
    name: z.string().optional(),
    name_enc: z.string().optional(),
    magic_number_hex: hex.optional(),
    mime_type: z.string().optional(),
    ctime: timestampSchema.optional(),
    mtime: timestampSchema.optional(),
    atime: timestampSchema.optional(),
    parent_directory_ref: refSchema(['directory']).optional(),
    contains_refs: list(anySco()).optional(),
    content_ref: refSchema(['artifact']).optional(),
  },
  (file, report) => {
    if (file.hashes === undefined && file.name === undefined)
      report([], 'a file needs hashes or a name (or both)');
  },
);

export const autonomousSystemSchema = stixObject({
  ...scoCommonShape('autonomous-system'),
  number: z
    .int()
    .min(0, { error: 'must be an AS number from 0 to 4294967295' })
    .max(4_294_967_295, { error: 'must be an AS number from 0 to 4294967295' }),
  name: z.string().optional(),
  rir: z.string().optional(),
});

export type Ipv4Addr = z.infer<typeof ipv4AddrSchema>;
export type Ipv6Addr = z.infer<typeof ipv6AddrSchema>;
export type DomainName = z.infer<typeof domainNameSchema>;
export type UrlObject = z.infer<typeof urlObjectSchema>;
export type EmailAddr = z.infer<typeof emailAddrSchema>;
export type StixFile = z.infer<typeof fileSchema>;
export type AutonomousSystem = z.infer<typeof autonomousSystemSchema>;
