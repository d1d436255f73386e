import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { generatePatternParser, parserFile } from '../../../../scripts/stix-pattern-parser.js';
import {
  checkPattern,
  parsePattern,
  printPattern,
  withoutLocations,
  type Comparison,
  type Constant,
  type ObservationExpression,
  type Pattern,
} from './index.js';

function parsed(text: string): Pattern {
  const result = parsePattern(text);
  if (!result.ok) assert.fail(`${JSON.stringify(text)}: ${result.error.message}`);
  return result.ast;
}

/** The only comparison of a one-observation pattern. */
function comparison(text: string): Comparison {
  const ast = parsed(text);
  assert.equal(ast.kind, 'observation');
  assert.notEqual(ast.comparison.kind, 'comparison-operator');
  return ast.comparison as Comparison;
}

function constantOf(text: string): Constant {
  const c = comparison(`[x-test:value = ${text}]`);
  assert.equal(c.kind, 'comparison');
  return withoutLocations(c.value);
}

/** A compact picture of an observation tree: operators, qualifiers and object types. */
function shape(e: ObservationExpression): unknown {
  switch (e.kind) {
    case 'observation':
      return e.comparison.kind === 'comparison-operator'
        ? [e.comparison.operator, e.comparison.operands.length]
        : e.comparison.path.objectType;
    case 'observation-operator':
      return [e.operator, ...e.operands.map(shape)];
    case 'qualified':
      return [e.qualifier.kind, shape(e.expression)];
  }
}

// Valid patterns of every part of the grammar (STIX 2.1, section 9); each also has no problem
// beyond the grammar, and prints back to the same tree.
const valid: Record<string, string[]> = {
  'observation expressions': [
    "[ipv4-addr:value = '198.51.100.1']",
    "[ipv4-addr:value = '198.51.100.1/32' OR ipv6-addr:value = '2001:db8::1/128']",
    "[domain-name:value = 'example.org'] AND [url:value = 'https://example.org/a']",
    "[domain-name:value = 'example.org'] OR [url:value = 'https://example.org/a']",
    "[file:name = 'dropper.exe'] FOLLOWEDBY [process:name = 'dropper.exe']",
    "([file:name = 'a.exe'] OR [file:name = 'b.exe']) AND [process:pid = 4]",
    "(([file:name = 'a.exe']))",
    "[user-account:user_id = '1007'] AND [user-account:user_id = '1008'] AND [user-account:user_id = '1009']",
  ],
  'comparison expressions': [
    "[file:name = 'a.exe' AND file:size = 1024]",
    "[file:name = 'a.exe' OR file:size = 1024 AND file:mime_type = 'application/x-dosexec']",
    "[(file:name = 'pdf.exe' OR file:size = 371712) AND file:created = t'2014-01-13T07:03:17Z']",
    "[((file:name = 'a'))]",
    "[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '203.0.113.33/32']",
  ],
  'object paths': [
    "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']",
    "[file:hashes.MD5 = 'cead3f77f6cda6ec00f57d76c9a6879f']",
    "[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.0]",
    "[email-message:body_multipart[0].body_raw_ref.name = 'Final Report.exe']",
    "[email-message:body_multipart[*].body_raw_ref.name MATCHES '^Final Report.+\\\\.exe$']",
    "[network-traffic:extensions.'http-request-ext'.request_header.'User-Agent' = 'curl/8']",
    "[x-usb-device:'serial-number' = '575833314133343231313937']",
    "[domain-name:resolves_to_refs[*].value = '198.51.100.1/32']",
    "[file:parent_directory_ref.path = 'C:\\\\Windows\\\\System32']",
    "[process:environment_variables.'PATH' LIKE '%temp%']",
    "[file:hashes . 'SHA-1' = 'da39a3ee5e6b4b0d3255bfef95601890afd80709']",
    "[file : name = 'spaces around the colon']",
    '[file:x_list[+1] = 2]',
  ],
  operators: [
    '[file:size = 1]',
    '[file:size == 1]',
    '[file:size != 1]',
    '[file:size <> 1]',
    '[file:size > 1]',
    '[file:size < 1]',
    '[file:size >= 1]',
    '[file:size <= 1]',
    '[file:size NOT = 1]',
    '[file:size NOT > 1]',
    '[file:size IN (1, 2, 3)]',
    "[file:name NOT IN ('a', 'b')]",
    "[file:name LIKE 'inv%.exe']",
    "[file:name NOT LIKE 'inv_ice.exe']",
    "[file:name MATCHES '^inv.*\\\\.exe$']",
    "[process:command_line MATCHES'^.+>-add GlobalSign.cer -c -s -r localMachine Root$']",
    "[file:name NOT MATCHES 'x']",
    "[ipv4-addr:value ISSUBSET '198.51.100.0/24']",
    "[ipv4-addr:value NOT ISSUBSET '198.51.100.0/24']",
    "[ipv6-addr:value ISSUPERSET '2001:db8::/64']",
    "[ipv6-addr:value NOT ISSUPERSET '2001:db8::1']",
    '[EXISTS file:hashes.MD5]',
    '[NOT EXISTS file:hashes.MD5]',
    "[file:size>=1024AND file:name!='x']",
  ],
  constants: [
    "[file:name = 'it\\'s']",
    "[file:name = 'back\\\\slash']",
    "[file:name = '']",
    "[file:name = 'new\nline and ünïcødé ✓']",
    '[file:size = 0]',
    '[file:size = -5]',
    '[file:size = +7]',
    '[file:size = -0]',
    '[file:size = 123456789012345678901234567890]',
    '[file:x_ratio = 7.0]',
    '[file:x_ratio = .5]',
    '[file:x_ratio = -0.25]',
    '[file:x_ratio = +1.5]',
    '[file:is_encrypted = true]',
    '[file:is_encrypted = false]',
    "[file:created = t'2016-01-01T00:00:00Z']",
    "[file:created > t'2016-01-01T00:00:00.123456Z']",
    "[file:created = t'2016-12-31T23:59:60Z']",
    "[file:magic_number_hex = h'ffd8']",
    "[file:magic_number_hex = h'']",
    "[file:magic_number_hex = h'FFD8ffe0']",
    "[artifact:payload_bin = b'dGhpcyBpcyBhIHRlc3Q=']",
    "[artifact:payload_bin = b'YQ==']",
    "[artifact:payload_bin = b'YWJj']",
    '[file:size IN (1, 2.5, -3)]',
    '[file:x_flags IN (true, false)]',
    "[file:created IN (t'2016-01-01T00:00:00Z', t'2017-01-01T00:00:00Z')]",
  ],
  qualifiers: [
    "[file:name = 'a'] WITHIN 5 SECONDS",
    "[file:name = 'a'] WITHIN 2.5 SECONDS",
    "[file:name = 'a'] WITHIN +5 SECONDS",
    "[file:name = 'a'] REPEATS 3 TIMES",
    "[file:name = 'a'] START t'2016-06-01T01:30:00.123Z' STOP t'2016-06-01T02:20:00.123Z'",
    '[network-traffic:dst_port = 443] REPEATS 5 TIMES WITHIN 1800 SECONDS',
    "([file:name = 'a'] FOLLOWEDBY [process:name = 'b']) WITHIN 300 SECONDS",
    "([file:name = 'a'] REPEATS 2 TIMES) REPEATS 3 TIMES",
    "[file:name = 'a'] REPEATS 2 TIMES WITHIN 10 SECONDS START t'2016-01-01T00:00:00Z' STOP t'2017-01-01T00:00:00Z'",
    "[file:name = 'a']REPEATS 5TIMES",
  ],
  'whitespace and comments': [
    "[file:name='a']AND[file:size=1]",
    "\n\t [ file:name = 'a' ]\r\n AND\r [ file:size = 1 ] \n",
    "[file:name\u00a0=\u2003'a']\u3000AND\u2028[file:size\u205f=\u202f1]",
    "[file:name = 'a'] /* a comment */ AND // to the end of the line\n [file:size = 1]",
    "/* leading */ [file:name = 'a'] // trailing",
    '( [(network-traffic:dst_port IN(443,6443,8443) AND network-traffic:src_packets != 0) ])',
  ],
};

describe('STIX pattern grammar', () => {
  for (const [area, patterns] of Object.entries(valid)) {
    it(`reads ${area}`, () => {
      for (const text of patterns) {
        const ast = parsed(text);
        assert.deepEqual(checkPattern(text), [], text);
        const printed = printPattern(ast);
        assert.deepEqual(withoutLocations(parsed(printed)), withoutLocations(ast), printed);
      }
    });
  }

  it('binds qualifiers, then AND, then OR, then FOLLOWEDBY, each from the left', () => {
    const cases: [string, unknown][] = [
      ['[a-a:x=1] OR [b-b:x=1] AND [c-c:x=1]', ['OR', 'a-a', ['AND', 'b-b', 'c-c']]],
      ['[a-a:x=1] AND [b-b:x=1] OR [c-c:x=1]', ['OR', ['AND', 'a-a', 'b-b'], 'c-c']],
      [
        '[a-a:x=1] FOLLOWEDBY [b-b:x=1] OR [c-c:x=1] FOLLOWEDBY [d-d:x=1]',
        ['FOLLOWEDBY', 'a-a', ['OR', 'b-b', 'c-c'], 'd-d'],
      ],
      ['[a-a:x=1] AND [b-b:x=1] WITHIN 5 SECONDS', ['AND', 'a-a', ['within', 'b-b']]],
      ['([a-a:x=1] AND [b-b:x=1]) WITHIN 5 SECONDS', ['within', ['AND', 'a-a', 'b-b']]],
      ['[a-a:x=1] AND ([b-b:x=1] AND [c-c:x=1])', ['AND', 'a-a', ['AND', 'b-b', 'c-c']]],
      ['([a-a:x=1] AND [b-b:x=1]) AND [c-c:x=1]', ['AND', ['AND', 'a-a', 'b-b'], 'c-c']],
      ['[a-a:x=1] REPEATS 2 TIMES WITHIN 5 SECONDS', ['within', ['repeats', 'a-a']]],
      ['[a-a:x=1 OR a-a:y=1 AND a-a:z=1]', ['OR', 2]],
      ['[a-a:x=1 AND a-a:y=1 OR a-a:z=1]', ['OR', 2]],
      ['[a-a:x=1 AND a-a:y=1 AND a-a:z=1]', ['AND', 3]],
    ];
    for (const [text, expected] of cases) assert.deepEqual(shape(parsed(text)), expected, text);
    const inner = parsed('[a-a:x=1 OR a-a:y=1 AND a-a:z=1]');
    assert.ok(inner.kind === 'observation' && inner.comparison.kind === 'comparison-operator');
    assert.deepEqual(
      inner.comparison.operands.map((o) =>
        o.kind === 'comparison-operator' ? o.operator : o.kind,
      ),
      ['comparison', 'AND'],
    );
  });

  it('builds the tree of a comparison: path steps, operator, negation, constant', () => {
    assert.deepEqual(
      withoutLocations(
        comparison("[file:extensions.'windows-pebinary-ext'.sections[*].entropy NOT >= 7.5]"),
      ),
      {
        kind: 'comparison',
        path: {
          objectType: 'file',
          steps: [
            { kind: 'property', name: 'extensions' },
            { kind: 'property', name: 'windows-pebinary-ext' },
            { kind: 'property', name: 'sections' },
            { kind: 'any-index' },
            { kind: 'property', name: 'entropy' },
          ],
        },
        negated: true,
        operator: '>=',
        value: { kind: 'float', value: '7.5' },
      },
    );
    assert.deepEqual(withoutLocations(comparison("[file:name NOT IN ('a', 'b')]")), {
      kind: 'in',
      path: { objectType: 'file', steps: [{ kind: 'property', name: 'name' }] },
      negated: true,
      values: [
        { kind: 'string', value: 'a' },
        { kind: 'string', value: 'b' },
      ],
    });
    assert.deepEqual(withoutLocations(comparison('[NOT EXISTS file:x_list[-0]]')), {
      kind: 'exists',
      path: {
        objectType: 'file',
        steps: [
          { kind: 'property', name: 'x_list' },
          { kind: 'index', index: '-0' },
        ],
      },
      negated: true,
    });
    const operator = (text: string) => {
      const c = comparison(`[file:size ${text} 1]`);
      return c.kind === 'comparison' ? c.operator : c.kind;
    };
    assert.deepEqual(['==', '=', '<>', '!=', '>', '<', '>=', '<='].map(operator), [
      '=',
      '=',
      '!=',
      '!=',
      '>',
      '<',
      '>=',
      '<=',
    ]);
  });

  it('reads constants exactly: escapes undone, numbers as written less a plus', () => {
    assert.deepEqual(constantOf("'it\\'s C:\\\\temp'"), { kind: 'string', value: "it's C:\\temp" });
    assert.deepEqual(constantOf('+42'), { kind: 'integer', value: '42' });
    assert.deepEqual(constantOf('-42'), { kind: 'integer', value: '-42' });
    assert.deepEqual(constantOf('123456789012345678901234567890'), {
      kind: 'integer',
      value: '123456789012345678901234567890',
    });
    assert.deepEqual(constantOf('.50'), { kind: 'float', value: '.50' });
    assert.deepEqual(constantOf('-1.0'), { kind: 'float', value: '-1.0' });
    assert.deepEqual(constantOf('false'), { kind: 'boolean', value: false });
    assert.deepEqual(constantOf("t'2016-01-01T00:00:00.5Z'"), {
      kind: 'timestamp',
      value: '2016-01-01T00:00:00.5Z',
    });
    assert.deepEqual(constantOf("h'ffD8'"), { kind: 'hex', value: 'ffD8' });
    assert.deepEqual(constantOf("b'YWI='"), { kind: 'binary', value: 'YWI=' });
  });

  it('keeps where each node is in the text', () => {
    const text = "[file:name = 'a'] AND [file:size > 10] WITHIN 5 SECONDS";
    const ast = parsed(text);
    const slice = (loc: { start: number; end: number }) => text.slice(loc.start, loc.end);
    assert.equal(slice(ast.loc), text);
    assert.ok(ast.kind === 'observation-operator');
    const first = ast.operands[0]!;
    const second = ast.operands[1]!;
    assert.equal(slice(first.loc), "[file:name = 'a']");
    assert.equal(slice(second.loc), '[file:size > 10] WITHIN 5 SECONDS');
    assert.ok(second.kind === 'qualified');
    assert.equal(slice(second.qualifier.loc), 'WITHIN 5 SECONDS');
    assert.ok(second.expression.kind === 'observation');
    const c = second.expression.comparison;
    assert.ok(c.kind === 'comparison');
    assert.equal(slice(c.loc), 'file:size > 10');
    assert.equal(slice(c.path.loc), 'file:size');
    assert.equal(slice(c.path.steps[0].loc), 'size');
    assert.equal(slice(c.value.loc), '10');
    const quoted = comparison("[file:hashes.'SHA-1' IN ('a')]");
    assert.ok(quoted.kind === 'in');
    assert.equal(
      "[file:hashes.'SHA-1' IN ('a')]".slice(quoted.setLoc.start, quoted.setLoc.end),
      "('a')",
    );
  });
});

describe('STIX pattern syntax errors', () => {
  // Each: the pattern, then the message with its place (offset = column - 1 on line 1).
  const errors: [string, string][] = [
    ['file:size = 1280', "line 1, column 1: expected '(' or '[', found 'file'"],
    ['', "line 1, column 1: expected '(' or '[', found the end of the pattern"],
    ['   ', "line 1, column 4: expected '(' or '[', found the end of the pattern"],
    ['[]', "line 1, column 2: expected '(', 'EXISTS', 'NOT' or an object type, found ']'"],
    ['[file:size = ]', "line 1, column 14: expected a constant, found ']'"],
    ['[file.size = 1280]', "line 1, column 6: expected ':', found '.'"],
    [
      '[file:name foo]',
      "line 1, column 12: expected '.', 'NOT', '[' or a comparison operator, found 'foo'",
    ],
    ['[file:hashes.MD5 = cead3f77]', "line 1, column 20: expected a constant, found 'cead3f77'"],
    ['[file:name MATCHES /.*\\.dll/]', "line 1, column 20: expected a string, found '/'"],
    ["[file:hashes.MD5 =? 'x']", "line 1, column 19: expected a constant, found '?'"],
    [
      '[file:size > true]',
      "line 1, column 14: expected a constant other than a boolean, found 'true'",
    ],
    ['[file:name LIKE 5]', "line 1, column 17: expected a string, found '5'"],
    [
      '[network-traffic:dst_ref.value ISSUBSET ]',
      "line 1, column 41: expected a string, found ']'",
    ],
    ['[file:name IN ]', "line 1, column 15: expected '(', found ']'"],
    ["[file:name IN ('a',)]", "line 1, column 20: expected a constant, found ')'"],
    ['[file:x NOT]', "line 1, column 12: expected a comparison operator, found ']'"],
    ['[NOT file:x = 1]', "line 1, column 6: expected 'EXISTS', found 'file'"],
    [
      '[AND:x = 1]',
      "line 1, column 2: expected '(', 'EXISTS', 'NOT' or an object type, found 'AND'",
    ],
    ['[file:AND = 1]', "line 1, column 7: expected a property name or a string, found 'AND'"],
    ['[file:name-x = 1]', "line 1, column 7: expected a property name or a string, found 'name-x'"],
    ['[file:x[1.5] = 1]', "line 1, column 10: expected ']', found '.5'"],
    ['[file:size = 007]', "line 1, column 15: expected 'AND', 'OR' or ']', found '07'"],
    ['[file:x = 1e5]', "line 1, column 12: expected 'AND', 'OR' or ']', found 'e5'"],
    ['[file:x = 1.]', "line 1, column 12: expected 'AND', 'OR' or ']', found '.'"],
    ['[file:x = TRUE]', "line 1, column 11: expected a constant, found 'TRUE'"],
    ['[file:x> =1]', "line 1, column 10: expected a constant other than a boolean, found '='"],
    [
      "[file:name = 'a'",
      "line 1, column 17: expected 'AND', 'OR' or ']', found the end of the pattern",
    ],
    ['[file:x = 1)', "line 1, column 12: expected 'AND', 'OR' or ']', found ')'"],
    [
      '([file:x = 1]',
      "line 1, column 14: expected ')', 'AND', 'FOLLOWEDBY', 'OR', 'REPEATS', 'START' or 'WITHIN', found the end of the pattern",
    ],
    [
      "[file:name = 'a'] [file:size = 1]",
      "line 1, column 19: expected 'AND', 'FOLLOWEDBY', 'OR', 'REPEATS', 'START', 'WITHIN' or end of input, found '['",
    ],
    [
      "[file:name = 'a'] AND",
      "line 1, column 22: expected '(' or '[', found the end of the pattern",
    ],
    [
      '[foo:bar=1] within 2 seconds',
      "line 1, column 13: expected 'AND', 'FOLLOWEDBY', 'OR', 'REPEATS', 'START', 'WITHIN' or end of input, found 'within' (keywords are written in upper case)",
    ],
    [
      "[file:x = 'a' and file:y = 'b']",
      "line 1, column 15: expected 'AND', 'OR' or ']', found 'and' (keywords are written in upper case)",
    ],
    ["[file:x = 'a'] WITHIN ]", "line 1, column 23: expected a positive number, found ']'"],
    ["[file:x = 'a'] WITHIN 5 HOURS", "line 1, column 25: expected 'SECONDS', found 'HOURS'"],
    [
      "[file:x = 'a'] WITHIN -5 SECONDS",
      "line 1, column 23: expected a positive number, found '-5'",
    ],
    ["[file:x = 'a'] REPEATS 2.5 TIMES", "line 1, column 25: expected 'TIMES', found '.5'"],
    [
      "[file:x = 1] START t'2016-01-01T00:00:00Z'",
      "line 1, column 43: expected 'STOP', found the end of the pattern",
    ],
    [
      "[file:x = 1] START '2016-01-01T00:00:00Z' STOP t'2016-01-02T00:00:00Z'",
      'line 1, column 20: expected a timestamp, found "\'2016-01-01T00:00:00Z\'"',
    ],
    // Malformed literal tokens are named as such, at their first character.
    ["[file:name = 'abc]", 'line 1, column 14: this string has no closing quote'],
    [
      "[file:name = 'a\\q']",
      "line 1, column 16: a backslash in a string must be followed by ' or \\ (write \\\\ for a backslash)",
    ],
    [
      "[x-foo:y == t'2457-73-22T32:81:84.1Z']",
      "line 1, column 13: '2457-73-22T32:81:84.1Z' is not a timestamp: write t'YYYY-MM-DDTHH:MM:SS[.fraction]Z' (RFC 3339, UTC)",
    ],
    [
      "[file:x = t'2016-01-01T00:00:00']",
      "line 1, column 11: '2016-01-01T00:00:00' is not a timestamp: write t'YYYY-MM-DDTHH:MM:SS[.fraction]Z' (RFC 3339, UTC)",
    ],
    [
      "[file:x = t'2016-01-01T00:00:00+01:00']",
      "line 1, column 11: '2016-01-01T00:00:00+01:00' is not a timestamp: write t'YYYY-MM-DDTHH:MM:SS[.fraction]Z' (RFC 3339, UTC)",
    ],
    ["[file:x = t'2016-01-01T00:00:00Z]", 'line 1, column 11: this timestamp has no closing quote'],
    [
      "[file:x = h'abc']",
      "line 1, column 11: h'abc' is not hex: write pairs of hex digits between h' and '",
    ],
    [
      "[artifact:payload_bin = b'====']",
      "line 1, column 25: b'====' is not base64: write padded base64 (at least one byte) between b' and '",
    ],
    [
      "[file:x = b'']",
      "line 1, column 11: b'' is not base64: write padded base64 (at least one byte) between b' and '",
    ],
    ['[file:x = 1] /* open', 'line 1, column 14: this comment has no end (*/)'],
    ['[file:x =\u200b 1]', 'line 1, column 10: expected a constant, found U+200B'],
    [
      '[file:x = 1]\u0000',
      "line 1, column 13: expected 'AND', 'FOLLOWEDBY', 'OR', 'REPEATS', 'START', 'WITHIN' or end of input, found U+0000",
    ],
    // Four qualifiers in a row repeat a kind: refused at once, so trees stay shallow.
    [
      '[file:x = 1] WITHIN 1 SECONDS REPEATS 2 TIMES WITHIN 1 SECONDS REPEATS 2 TIMES',
      'line 1, column 64: a fourth qualifier on one expression: it takes one WITHIN, one REPEATS and one START/STOP at most',
    ],
  ];

  it('refuses each with its place and what was expected there', () => {
    for (const [text, message] of errors) {
      const result = parsePattern(text);
      assert.ok(!result.ok, `${text} parsed`);
      assert.equal(result.error.message, message, text);
      const column = Number(/column (\d+)/.exec(message)![1]);
      assert.equal(result.error.offset, column - 1, text);
      assert.deepEqual([result.error.line, result.error.column], [1, column], text);
    }
  });

  it('counts lines and columns across \\n, \\r\\n and \\r', () => {
    const text = "[file:name = 'a']\nAND\r\n[file:size = 1]\rAND [file:size = ]";
    const result = parsePattern(text);
    assert.ok(!result.ok);
    assert.deepEqual([result.error.line, result.error.column], [4, 18]);
    assert.equal(text[result.error.offset], ']');
    assert.match(result.error.message, /^line 4, column 18: expected a constant/);
  });

  it('lists what was expected, for callers that show their own message', () => {
    const result = parsePattern('[file:name foo]');
    assert.ok(!result.ok);
    assert.deepEqual(result.error.expected, ["'.'", "'NOT'", "'['", 'a comparison operator']);
    const token = parsePattern("[file:x = 'a");
    assert.ok(!token.ok);
    assert.equal(token.error.expected, undefined);
  });

  it('refuses nesting deeper than 250 levels at the first level too many', () => {
    const deep = `${'('.repeat(300)}[file:name = 'a']${')'.repeat(300)}`;
    const result = parsePattern(deep);
    assert.ok(!result.ok);
    assert.equal(result.error.offset, 250);
    assert.equal(
      result.error.message,
      'line 1, column 251: parentheses and brackets nest more than 250 levels deep here',
    );
    const fine = `${'('.repeat(100)}[${'('.repeat(100)}file:name = 'a'${')'.repeat(100)}]${')'.repeat(100)}`;
    assert.ok(parsePattern(fine).ok);
  });
});

describe('the generated parser', () => {
  it('is current with pattern.peggy (run scripts/stix-pattern-parser.ts after a change)', async () => {
    assert.equal(readFileSync(parserFile, 'utf8'), await generatePatternParser());
  });
});
