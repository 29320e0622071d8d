/**
 * Binary data as text that can sit inside a `<script type="application/octet-stream">` element, at 7 bits per
 * character instead of base64's 6 (8/7 of the byte count, against 4/3).
 *
 * The bytes are read as a bit stream in groups of 7 bits, and each group becomes the ASCII character of that
 * code. Four groups must not appear as themselves: NUL (the HTML parser replaces it), LF and CR (line-ending
 * conversion by editors and version control would change them) and `<` (it could start `</script`). Such a
 * group is written together with the group after it as one character from U+0100 to U+02FF, which UTF-8
 * writes in 2 bytes, so those 14 bits also take 2 bytes. The text therefore never contains NUL, LF, CR, `<`,
 * U+2028 or U+2029, and every character is valid in an HTML document.
 */

/** The 7-bit groups that are never written as themselves, in the order their index is written. */
const FORBIDDEN_GROUPS = [0x00, 0x0a, 0x0d, 0x3c] as const;

/** First code point of the characters that carry a forbidden group and the group after it. */
const PAIR_BASE = 0x100;

const FORBIDDEN_INDEX: readonly number[] = Array.from({ length: 128 }, (_, group) =>
  (FORBIDDEN_GROUPS as readonly number[]).indexOf(group),
);

/** Characters written to the output per `String.fromCharCode` call: few enough to pass as arguments. */
const STRING_CHUNK = 8192;

/** Thrown when the text contains a character this encoding never writes, or ends before `byteLength` bytes. */
export class BinaryTextError extends Error {
  override name = 'BinaryTextError';
}

/** Encodes bytes as text; `decodeBinaryText(text, bytes.length)` gives them back. */
export function encodeBinaryText(bytes: Uint8Array): string {
  const codes = new Uint16Array(Math.ceil((bytes.length * 8) / 7) + 1);
  let length = 0;
  let pending = -1;
  const write = (group: number) => {
    if (pending !== -1) {
      codes[length++] = PAIR_BASE + ((pending << 7) | group);
      pending = -1;
      return;
    }
    const forbidden = FORBIDDEN_INDEX[group];
    if (forbidden === -1) codes[length++] = group;
    else pending = forbidden;
  };

  let buffer = 0;
  let bits = 0;
  for (let index = 0; index < bytes.length; index++) {
    buffer = (buffer << 8) | bytes[index];
    bits += 8;
    while (bits >= 7) {
      bits -= 7;
      write((buffer >> bits) & 0x7f);
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) write((buffer << (7 - bits)) & 0x7f);
  // A forbidden group at the very end is paired with a padding group of zeros, which the decoder drops.
  if (pending !== -1) write(0);

  const pieces: string[] = [];
  for (let start = 0; start < length; start += STRING_CHUNK) {
    pieces.push(String.fromCharCode.apply(null, codes.subarray(start, Math.min(start + STRING_CHUNK, length)) as unknown as number[]));
  }
  return pieces.join('');
}

/**
 * Decodes the first `byteLength` bytes from text written by `encodeBinaryText`, starting at character
 * `start`. Characters after those bytes are ignored, so whitespace added after the data does no harm.
 */
export function decodeBinaryText(text: string, byteLength: number, start = 0): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(byteLength);
  let length = 0;
  let buffer = 0;
  let bits = 0;
  for (let index = start; index < text.length && length < byteLength; index++) {
    const code = text.charCodeAt(index);
    let first: number;
    let second = -1;
    if (code < 0x80) {
      if (FORBIDDEN_INDEX[code] !== -1) throw new BinaryTextError(`character ${index} is U+${hex(code)}, which this encoding never writes`);
      first = code;
    } else {
      const pair = code - PAIR_BASE;
      if (pair < 0 || pair >= FORBIDDEN_GROUPS.length << 7) {
        throw new BinaryTextError(`character ${index} is U+${hex(code)}, which this encoding never writes`);
      }
      first = FORBIDDEN_GROUPS[pair >> 7];
      second = pair & 0x7f;
    }

    buffer = (buffer << 7) | first;
    bits += 7;
    if (bits >= 8) {
      bits -= 8;
      bytes[length++] = (buffer >> bits) & 0xff;
      buffer &= (1 << bits) - 1;
    }
    if (second === -1 || length === byteLength) continue;
    buffer = (buffer << 7) | second;
    bits += 7;
    if (bits >= 8) {
      bits -= 8;
      bytes[length++] = (buffer >> bits) & 0xff;
      buffer &= (1 << bits) - 1;
    }
  }
  if (length < byteLength) throw new BinaryTextError(`the text ends after ${length} of ${byteLength} bytes`);
  return bytes;
}

function hex(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}
