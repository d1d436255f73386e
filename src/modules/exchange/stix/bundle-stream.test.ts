import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { bundleObjects } from './bundle-stream.js';

/** The text cut into pieces at the given positions, as a stream delivers it (bytes). */
function* pieces(text: string, cuts: number[]): Generator<Uint8Array> {
  const bytes = Buffer.from(text);
  let last = 0;
  for (const cut of [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)) {
    yield bytes.subarray(last, cut);
    last = cut;
  }
  yield bytes.subarray(last);
}

const read = async (text: string, cuts: number[] = []) => {
  const out: unknown[] = [];
  for await (const t of bundleObjects(pieces(text, cuts))) out.push(JSON.parse(t));
  return out;
};

describe('bundleObjects: streaming the objects of a bundle', () => {
  it('hands out each object, whatever the cuts (multi-byte characters and escapes included)', async () => {
    const objects = [
      {
        type: 'indicator',
        id: 'indicator--1',
        name: 'Ünïcödé "quoted" \\ {not a brace} [nor this]',
      },
      {
        type: 'note',
        id: 'note--2',
        content: '中文 • عربى',
        object_refs: ['a', 'b'],
        nested: { x: [1, { y: 2 }] },
      },
    ];
    const text = JSON.stringify(
      { type: 'bundle', id: 'bundle--x', objects, extra: { objects: [{ no: 1 }] } },
      null,
      2,
    );
    assert.deepEqual(await read(text), objects);
    for (let cut = 0; cut < Buffer.byteLength(text); cut += 7)
      assert.deepEqual(await read(text, [cut, cut + 3]), objects);
  });

  it('equals JSON.parse for any objects and any cuts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.dictionary(fc.string(), fc.jsonValue()), { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.boolean(),
        async (objects, cuts, objectsFirst) => {
          const bundle = objectsFirst
            ? { objects, type: 'bundle', id: 'bundle--y' }
            : { type: 'bundle', id: 'bundle--y', objects };
          assert.deepEqual(
            await read(JSON.stringify(bundle), cuts),
            JSON.parse(JSON.stringify(objects)),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('names the byte where the text stops being a bundle', async () => {
    const cases: [string, RegExp][] = [
      ['', /byte 0: the file is empty/],
      ['[1, 2]', /byte 0: a bundle is a JSON object/],
      ['{"objects": [{"a": 1}, 5]}', /byte 23: an element of "objects" is not a JSON object/],
      ['{"objects": [{"a": 1]}', /byte 20: unexpected \]/],
      ['{"objects": [{"a": "open', /a string is not closed/],
      ['{"objects": [{"a": 1}]', /ends before its closing \}/],
      ['{"objects": []} {}', /byte 16: text after the end/],
    ];
    for (const [text, message] of cases) await assert.rejects(() => read(text), message, text);
  });

  it('refuses bytes that are not UTF-8', async () => {
    function* bad() {
      yield Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]);
    }
    await assert.rejects(async () => {
      for await (const _ of bundleObjects(bad())) void _;
    }, /not UTF-8/);
  });
});
