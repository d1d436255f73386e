import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { AppError } from '../../kernel/index.js';
import { loadReferenceData } from './reference-data.js';
import { groupsAsOf } from './status.js';

const fixture = new URL('../../../fixtures/registry', import.meta.url).pathname;

function corrupted(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cirtkit-registry-'));
  cpSync(fixture, dir, { recursive: true });
  writeFileSync(path.join(dir, file), edit(readFileSync(path.join(dir, file), 'utf8')));
  return dir;
}

describe('registry reference data as shipped (data/registry)', () => {
  const data = loadReferenceData();
  const day = '2026-11-23';
  const current = (group: string) =>
    new Set(
      data.countries
        .filter((c) => groupsAsOf(data.memberships, c.iso3, day).includes(group as never))
        .map((c) => c.iso3),
    );

  it('covers every ISO 3166-1 entry and the 194 ITU Member States, each in one ITU-D region', () => {
    assert.equal(data.countries.length, 249);
    const members = data.countries.filter((c) => c.ituMember);
    assert.equal(members.length, 194);
    assert.ok(members.every((c) => c.ituRegion !== null));
    assert.ok(data.countries.filter((c) => !c.ituMember).every((c) => c.ituRegion === null));
  });

  it('matches the UN lists of Resolution 58 footnote-1 groups on today’s date', () => {
    assert.equal(current('LDC').size, 44);
    assert.equal(current('LLDC').size, 32);
    assert.equal(current('EIT').size, 17);
    assert.equal(current('LDC').has('BTN'), false, 'Bhutan graduated in December 2023');
    assert.equal(
      current('LDC').has('STP'),
      false,
      'São Tomé and Príncipe graduated in December 2024',
    );
    assert.equal(current('LDC').has('NPL'), true, 'Nepal graduates only on 24 November 2026');
  });

  it('cites a source and a confidence for every seed team', () => {
    assert.ok(data.teams.length >= 120);
    assert.ok(data.teams.every((t) => t.sources.length > 0));
    assert.ok(data.teams.some((t) => t.confidence === 'low' || t.confidence === 'medium'));
  });
});

describe('registry reference data loader', () => {
  it('loads the fixture and gives a version that changes with the content', () => {
    const a = loadReferenceData(fixture);
    const b = loadReferenceData(corrupted('teams.csv', (t) => t.replace('KE-CIRT/CC', 'KE-CIRT')));
    assert.equal(a.countries.length, 6);
    assert.notEqual(a.version, b.version);
  });

  it('names file, row and column of every bad value', () => {
    const dir = corrupted('countries.csv', (t) =>
      t.replace('KEN,KE,404,404,1,africa', 'KEN,KE,404,404,1,afrika'),
    );
    assert.throws(
      () => loadReferenceData(dir),
      (error: unknown) =>
        error instanceof AppError &&
        error.issues!.some((i) => i.field === 'countries.csv row 5 ituRegion'),
    );
  });

  it('refuses references to unknown countries and sources, and duplicate team ids', () => {
    const dir = corrupted(
      'teams.csv',
      (t) =>
        `${t}zzz-dup,ZZZ,Dup,national,,,2020,,no-such-source,low,\nken-kecirt,KEN,Again,national,,,2020,,fixture-teams,low,\n`,
    );
    try {
      loadReferenceData(dir);
      assert.fail('should have thrown');
    } catch (error) {
      const messages = (error as AppError).issues!.map((i) => i.message).join('\n');
      assert.match(messages, /ZZZ is not in countries.csv/);
      assert.match(messages, /no-such-source is not in sources.csv/);
      assert.match(messages, /ken-kecirt is used twice/);
    }
  });

  it('refuses a file in another delimiter instead of reading it wrongly', () => {
    const dir = corrupted('readiness_assessments.csv', (t) => t.replace(/,/g, ';'));
    assert.throws(() => loadReferenceData(dir), AppError);
  });
});
