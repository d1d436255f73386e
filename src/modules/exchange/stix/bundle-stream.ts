import { AppError } from '../../../kernel/index.js';

/** The largest single object read from a streamed bundle. */
export const maxObjectBytes = 10 * 1024 * 1024;

const ws = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * The objects of a STIX bundle read from a stream, one JSON text each, without holding the
 * bundle: a small scanner follows strings and nesting, and hands out each element of the
 * top-level `objects` list as it ends. It checks that the whole text is one JSON object with
 * balanced brackets and closed strings; each element is parsed (and checked) by the caller.
 * A syntax problem is an AppError naming the byte offset.
 *
 * @example
 *   for await (const text of bundleObjects(createReadStream(file))) ingest(JSON.parse(text));
 */
export async function* bundleObjects(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const stack: number[] = []; // 0x7b '{' or 0x5b '['
  let inString = false;
  let escaped = false;
  let offset = 0;
  let started = false;
  let ended = false;
  // The key just read at depth 1, and whether the objects list is open.
  let key = '';
  let keyBuffer: string[] | undefined;
  let inObjects = false;
  let element: string[] | undefined;
  let elementLength = 0;
  let elementPiecesStart: number;

  let text = '';
  const fail = (message: string, at = 0): never => {
    const where = offset + Buffer.byteLength(text.slice(0, at));
    throw new AppError('bad_request', `The bundle is not valid JSON at byte ${where}: ${message}`, {
      details: { offset: where },
    });
  };

  for await (const chunk of source) {
    try {
      text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    } catch {
      return fail('the text is not UTF-8');
    }
    elementPiecesStart = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 0x5c) escaped = true;
        else if (c === 0x22) {
          inString = false;
          if (keyBuffer) {
            key = keyBuffer.join('');
            keyBuffer = undefined;
          }
        } else if (keyBuffer && keyBuffer.length < 64) keyBuffer.push(text[i]!);
        continue;
      }
      if (ws(c)) continue;
      if (ended) fail('text after the end of the bundle', i);
      if (!started) {
        if (c !== 0x7b) fail('a bundle is a JSON object and starts with {', i);
        started = true;
      }
      if (c === 0x22) {
        inString = true;
        if (stack.length === 1) keyBuffer = [];
      } else if (c === 0x7b || c === 0x5b) {
        if (stack.length === 1 && c === 0x5b && key === 'objects') {
          inObjects = true;
          stack.push(c);
          continue;
        }
        if (inObjects && stack.length === 2 && element === undefined) {
          element = [];
          elementLength = 0;
          elementPiecesStart = i;
        }
        stack.push(c);
      } else if (c === 0x7d || c === 0x5d) {
        const open = stack.pop();
        if (open === undefined || (c === 0x7d) !== (open === 0x7b))
          fail(`unexpected ${text[i]}`, i);
        if (inObjects && element !== undefined && stack.length === 2) {
          element.push(text.slice(elementPiecesStart, i + 1));
          yield element.join('');
          element = undefined;
        } else if (inObjects && stack.length === 1) inObjects = false;
        if (stack.length === 0) ended = true;
      } else if (inObjects && stack.length === 2 && c !== 0x2c) {
        fail('an element of "objects" is not a JSON object', i);
      }
      if (stack.length === 1 && c === 0x2c) key = '';
    }
    if (element !== undefined) {
      const piece = text.slice(elementPiecesStart);
      elementLength += piece.length;
      if (elementLength > maxObjectBytes) fail(`an object is larger than ${maxObjectBytes} bytes`);
      element.push(piece);
    }
    offset += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
  }
  text = '';
  if (!started) fail('the file is empty');
  if (inString) fail('a string is not closed');
  if (!ended) fail('the bundle ends before its closing }');
}
