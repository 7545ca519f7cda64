// A streaming tokenizer for OFX markup, tolerant enough for both OFX 1.x SGML and OFX 2.x XML.
//
// No maintained streaming OFX library exists, and OFX 1.x is not XML (leaf elements have no end
// tag), so a small hand-written tokenizer feeds `OfxElementReader`, which infers where leaves end.

export type OfxToken =
  | { readonly kind: 'open'; readonly name: string; readonly line: number; readonly column: number }
  | { readonly kind: 'close'; readonly name: string; readonly line: number; readonly column: number }
  | { readonly kind: 'text'; readonly text: string; readonly line: number; readonly column: number }
  /** `<?xml …?>` or `<?OFX …?>`: the OFX 2.x header lives here. */
  | { readonly kind: 'instruction'; readonly body: string; readonly line: number; readonly column: number };

export interface OfxTokenSink {
  token(token: OfxToken): void;
  /** Markup that cannot be read, such as a tag still open at the end of the file. */
  malformed(message: string, line: number, column: number): void;
}

/** Text or a tag longer than this is cut (text) or reported (tags), so memory stays bounded. */
const maxTokenLength = 1 << 20;

const entities: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** Replaces XML/SGML entities; an unknown or bare "&" (common in OFX 1.x names such as "AT&T") stays as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,6});/g, (whole, name: string) => {
    if (name.startsWith('#x')) return safeCodePoint(Number.parseInt(name.slice(2), 16)) ?? whole;
    if (name.startsWith('#')) return safeCodePoint(Number.parseInt(name.slice(1), 10)) ?? whole;
    return entities[name.toLowerCase()] ?? whole;
  });
}

function safeCodePoint(code: number): string | undefined {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

function isNameStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

export class OfxTokenizer {
  readonly #sink: OfxTokenSink;
  #pending = '';
  #text = '';
  #textLine = 1;
  #textColumn = 1;
  #line = 1;
  #column = 1;
  #ending = false;

  constructor(sink: OfxTokenSink) {
    this.#sink = sink;
  }

  push(chunk: string): void {
    const input = this.#pending.length === 0 ? chunk : this.#pending + chunk;
    this.#pending = '';
    let pos = 0;
    const n = input.length;
    while (pos < n) {
      const open = input.indexOf('<', pos);
      if (open === -1) {
        this.#addText(input, pos, n);
        return;
      }
      if (open > pos) this.#addText(input, pos, open);
      if (open + 1 >= n) {
        this.#pending = input.slice(open);
        return;
      }
      const end = this.#markupEnd(input, open);
      if (end === -1) {
        this.#pending = input.slice(open);
        if (this.#pending.length > maxTokenLength) {
          this.#sink.malformed('a tag is never closed with ">"', this.#line, this.#column);
          this.#advance(this.#pending, 0, this.#pending.length);
          this.#pending = '';
        }
        return;
      }
      if (end === open) {
        // "<" not followed by a name, "/", "?" or "!": plain text in a sloppy SGML file.
        this.#addText(input, open, open + 1);
        pos = open + 1;
        continue;
      }
      this.#markup(input, open, end);
      pos = end + 1;
    }
  }

  /** Flushes trailing text and reports a tag cut off by the end of the file. */
  end(): void {
    this.#ending = true;
    if (this.#pending.length > 0) {
      const pending = this.#pending;
      this.#pending = '';
      this.push(pending);
    }
    if (this.#pending.length > 0) {
      this.#flushText();
      this.#sink.malformed('the file ends inside a tag', this.#line, this.#column);
      this.#pending = '';
    }
    this.#flushText();
  }

  /** Index of the ">" ending the markup at `open`, -1 if not in `input` yet, `open` if this is no markup. */
  #markupEnd(input: string, open: number): number {
    const next = input.charCodeAt(open + 1);
    if (input.startsWith('<!--', open)) {
      const end = input.indexOf('-->', open + 4);
      return end === -1 ? -1 : end + 2;
    }
    if (input.startsWith('<![CDATA[', open)) {
      const end = input.indexOf(']]>', open + 9);
      return end === -1 ? -1 : end + 2;
    }
    // Too short to tell a comment from CDATA: wait for more, unless the input has ended.
    if (next === 33 /* ! */ && input.length - open < 9 && !this.#ending) return -1;
    if (next === 33 /* ! */ || next === 63 /* ? */ || next === 47 /* / */ || isNameStart(next)) {
      return input.indexOf('>', open + 1);
    }
    return open;
  }

  #markup(input: string, open: number, end: number): void {
    const line = this.#line;
    const column = this.#column;
    const next = input.charCodeAt(open + 1);
    if (input.startsWith('<![CDATA[', open)) {
      this.#addRawText(input.slice(open + 9, end - 2), line, column);
    } else if (next === 33 /* ! */) {
      // comment or declaration: nothing to read
    } else if (next === 63 /* ? */) {
      this.#flushText();
      const body = input.slice(open + 2, input.charCodeAt(end - 1) === 63 ? end - 1 : end).trim();
      this.#sink.token({ kind: 'instruction', body, line, column });
    } else if (next === 47 /* / */) {
      this.#flushText();
      const name = input
        .slice(open + 2, end)
        .trim()
        .toUpperCase();
      if (name.length > 0) this.#sink.token({ kind: 'close', name, line, column });
    } else {
      this.#flushText();
      const selfClosing = input.charCodeAt(end - 1) === 47;
      const inner = input.slice(open + 1, selfClosing ? end - 1 : end);
      const space = inner.search(/\s/);
      const name = (space === -1 ? inner : inner.slice(0, space)).toUpperCase();
      this.#sink.token({ kind: 'open', name, line, column });
      if (selfClosing) this.#sink.token({ kind: 'close', name, line, column });
    }
    this.#advance(input, open, end + 1);
  }

  #addText(input: string, from: number, to: number): void {
    if (this.#text.length === 0) {
      this.#textLine = this.#line;
      this.#textColumn = this.#column;
    }
    if (this.#text.length < maxTokenLength) this.#text += input.slice(from, to);
    this.#advance(input, from, to);
  }

  #addRawText(text: string, line: number, column: number): void {
    if (this.#text.length === 0) {
      this.#textLine = line;
      this.#textColumn = column;
    }
    // CDATA is literal: protect its "&" from entity decoding by encoding it first.
    this.#text += text.replace(/&/g, '&amp;');
  }

  #flushText(): void {
    if (this.#text.length === 0) return;
    const text = decodeEntities(this.#text);
    this.#text = '';
    this.#sink.token({ kind: 'text', text, line: this.#textLine, column: this.#textColumn });
  }

  /** Moves the line/column position over `input[from, to)`. */
  #advance(input: string, from: number, to: number): void {
    let lastNewline = -1;
    for (let i = input.indexOf('\n', from); i !== -1 && i < to; i = input.indexOf('\n', i + 1)) {
      this.#line++;
      lastNewline = i;
    }
    this.#column = lastNewline === -1 ? this.#column + (to - from) : to - lastNewline;
  }
}
