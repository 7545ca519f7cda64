// Turns a byte stream into text chunks in a named character encoding, one chunk at a time.
import iconv from 'iconv-lite';

/** Decodes `input` chunk by chunk; a leading byte-order mark is dropped. Unknown encodings fall back to UTF-8. */
export async function* decodeText(input: AsyncIterable<unknown>, encoding: string): AsyncGenerator<string> {
  const decoder = iconv.getDecoder(iconv.encodingExists(encoding) ? encoding : 'utf-8');
  let first = true;
  for await (const chunk of input) {
    let text: string;
    if (typeof chunk === 'string') {
      text = first && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk;
    } else if (chunk instanceof Uint8Array) {
      text = decoder.write(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    } else {
      continue;
    }
    first = false;
    if (text.length > 0) yield text;
  }
  const rest = decoder.end();
  if (rest !== undefined && rest.length > 0) yield rest;
}

/**
 * Reads the `encoding="…"` of an XML declaration at the start of `head` (decoded as Latin-1, which
 * every ASCII-compatible encoding agrees with for the declaration itself).
 */
export function xmlDeclaredEncoding(head: string): string | undefined {
  if (!head.startsWith('<?xml')) return undefined;
  const end = head.indexOf('?>');
  const declaration = end === -1 ? head : head.slice(0, end);
  const match = /encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(declaration);
  return match?.[1];
}

export interface EncodingSniffer {
  /** True once the head (decoded as Latin-1) shows enough to choose; at most 64 KiB is read regardless. */
  readonly enough: (head: string) => boolean;
  readonly encodingOf: (head: string) => string;
}

const maxHeadLength = 65_536;

function toBuffer(chunk: unknown): Buffer | undefined {
  if (typeof chunk === 'string') return Buffer.from(chunk);
  if (chunk instanceof Uint8Array) return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
  return undefined;
}

/** Decodes `input` in the encoding its own head declares (an XML declaration, an OFX header). */
export async function* decodeSniffed(
  input: AsyncIterable<unknown>,
  sniffer: EncodingSniffer,
): AsyncGenerator<string> {
  const iterator = input[Symbol.asyncIterator]();
  try {
    const head: Buffer[] = [];
    let headText = '';
    let exhausted = false;
    while (headText.length < maxHeadLength && !sniffer.enough(headText)) {
      const next = await iterator.next();
      if (next.done === true) {
        exhausted = true;
        break;
      }
      const chunk = toBuffer(next.value);
      if (chunk === undefined) continue;
      head.push(chunk);
      headText += chunk.toString('latin1');
    }
    async function* bytes(): AsyncGenerator<Buffer> {
      yield* head;
      while (!exhausted) {
        const next = await iterator.next();
        if (next.done === true) return;
        const chunk = toBuffer(next.value);
        if (chunk !== undefined) yield chunk;
      }
    }
    yield* decodeText(bytes(), sniffer.encodingOf(headText));
  } finally {
    await iterator.return?.();
  }
}
