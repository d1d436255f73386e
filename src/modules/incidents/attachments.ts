/**
 * What an attachment really is, from its first bytes: the stored and served media type never
 * trusts the name or the declared type alone. Text stays text (a declared text/html or SVG is
 * served as text/plain); a known binary signature wins over whatever was declared.
 */
const signatures: { type: string; test: (b: Buffer) => boolean }[] = [
  { type: 'application/pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  {
    type: 'image/png',
    test: (b) =>
      b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { type: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/gif', test: (b) => /^GIF8[79]a/.test(b.subarray(0, 6).toString('latin1')) },
  {
    type: 'image/webp',
    test: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' &&
      b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  {
    type: 'application/zip',
    test: (b) => b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5 || b[2] === 7),
  },
  { type: 'application/gzip', test: (b) => b[0] === 0x1f && b[1] === 0x8b },
  {
    type: 'application/x-7z-compressed',
    test: (b) => b.subarray(0, 6).equals(Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])),
  },
  { type: 'application/vnd.rar', test: (b) => b.subarray(0, 4).toString('latin1') === 'Rar!' },
  {
    type: 'application/x-ole-storage',
    test: (b) =>
      b.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])),
  },
  {
    type: 'application/x-executable',
    test: (b) => b.subarray(0, 4).equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46])),
  },
  {
    type: 'application/vnd.microsoft.portable-executable',
    test: (b) => b[0] === 0x4d && b[1] === 0x5a,
  },
  {
    type: 'application/vnd.tcpdump.pcap',
    test: (b) =>
      [0xa1b2c3d4, 0xd4c3b2a1, 0x0a0d0d0a].includes(b.length >= 4 ? b.readUInt32BE(0) : -1),
  },
];

/** Declared types kept for text content; any other text is served as text/plain. */
const safeText = new Set([
  'text/plain',
  'text/csv',
  'application/json',
  'message/rfc822',
  'application/pgp-signature',
  'application/pgp-keys',
  'text/markdown',
]);

function looksLikeText(b: Buffer): boolean {
  const sample = b.subarray(0, 8192);
  if (sample.includes(0)) return false;
  return new TextDecoder('utf-8', { fatal: false }).decode(sample).includes('\ufffd') === false;
}

export function sniffMediaType(bytes: Buffer, declared?: string | null): string {
  for (const s of signatures) if (bytes.length >= 2 && s.test(bytes)) return s.type;
  const wanted = (declared ?? '').split(';')[0]!.trim().toLowerCase();
  if (looksLikeText(bytes)) {
    if (safeText.has(wanted)) return wanted;
    if (
      /^(received|return-path|from|message-id|mime-version):/im.test(
        bytes.subarray(0, 2048).toString('latin1').split('\n')[0] ?? '',
      )
    )
      return 'message/rfc822';
    return 'text/plain';
  }
  return 'application/octet-stream';
}

/** A file name safe for a header and a disk: no path, no control characters. */
export function safeFilename(name: string): string {
  const base = name.replace(/\\/g, '/').split('/').pop() ?? '';
  const clean = [...base]
    .filter((c) => c !== '"' && c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('')
    .trim()
    .slice(0, 200);
  return clean === '' || clean === '.' || clean === '..' ? 'attachment' : clean;
}
