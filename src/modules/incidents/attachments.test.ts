import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { safeFilename, sniffMediaType } from './attachments.js';

describe('attachment type sniffing', () => {
  it('believes the bytes, not the declared type', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    assert.equal(sniffMediaType(png, 'application/pdf'), 'image/png');
    assert.equal(sniffMediaType(Buffer.from('%PDF-1.7\n...'), 'text/plain'), 'application/pdf');
    assert.equal(
      sniffMediaType(Buffer.from('MZ\x90\x00\x03', 'latin1'), 'image/jpeg'),
      'application/vnd.microsoft.portable-executable',
    );
    assert.equal(
      sniffMediaType(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1]), null),
      'application/x-executable',
    );
    assert.equal(
      sniffMediaType(Buffer.from('PK\x03\x04rest', 'latin1'), 'text/csv'),
      'application/zip',
    );
  });

  it('keeps safe text types, serves any other text as text/plain', () => {
    assert.equal(sniffMediaType(Buffer.from('a,b\n1,2\n'), 'text/csv'), 'text/csv');
    assert.equal(
      sniffMediaType(Buffer.from('<script>alert(1)</script>'), 'text/html'),
      'text/plain',
    );
    assert.equal(sniffMediaType(Buffer.from('<svg onload="x()"/>'), 'image/svg+xml'), 'text/plain');
    assert.equal(
      sniffMediaType(Buffer.from('Received: from mx\r\nSubject: hi\r\n\r\nbody'), null),
      'message/rfc822',
    );
  });

  it('calls unknown binary octet-stream', () => {
    assert.equal(
      sniffMediaType(Buffer.from([0, 1, 2, 3, 250, 251]), 'image/png'),
      'application/octet-stream',
    );
  });

  it('strips paths and control characters from names', () => {
    assert.equal(safeFilename('../../etc/passwd'), 'passwd');
    assert.equal(safeFilename('C:\\Users\\me\\report".pdf'), 'report.pdf');
    assert.equal(safeFilename('a\u0000b\nc.txt'), 'abc.txt');
    assert.equal(safeFilename('..'), 'attachment');
    assert.equal(safeFilename('rapport été.pdf'), 'rapport été.pdf');
  });
});
