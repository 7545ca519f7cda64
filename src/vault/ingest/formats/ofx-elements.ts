// Turns OFX tokens into elements, inferring where OFX 1.x leaf elements end (they have no end tag).
import type { OfxToken, OfxTokenSink } from './ofx-tokenizer.ts';

export interface OfxPosition {
  readonly line: number;
  readonly column: number;
}

/** Receives elements; `ancestors` lists the open aggregates outside the element, outermost first. */
export interface OfxElementSink {
  start(name: string, ancestors: readonly string[], position: OfxPosition): void;
  /** A leaf element; an empty one (`<NAME></NAME>`) has the value ''. */
  leaf(name: string, value: string, ancestors: readonly string[], position: OfxPosition): void;
  end(name: string, ancestors: readonly string[]): void;
  instruction(body: string): void;
  malformed(message: string, position: OfxPosition): void;
}

interface Pending {
  readonly name: string;
  readonly position: OfxPosition;
  value?: string;
}

/**
 * An element followed by text is a leaf, ended by the next tag of any kind (OFX 1.x) or by its own
 * end tag (OFX 2.x). An element followed directly by another tag is an aggregate. An element
 * followed by an unrelated end tag was an empty leaf. End tags close every element opened after
 * their own, so a missing end tag cannot derail the rest of the file.
 */
export class OfxElementReader implements OfxTokenSink {
  readonly #sink: OfxElementSink;
  readonly #stack: string[] = [];
  #pending: Pending | undefined;

  constructor(sink: OfxElementSink) {
    this.#sink = sink;
  }

  /** Aggregates still open. */
  get openElements(): readonly string[] {
    return this.#stack;
  }

  token(token: OfxToken): void {
    switch (token.kind) {
      case 'open':
        this.#settlePending();
        this.#pending = { name: token.name, position: { line: token.line, column: token.column } };
        break;
      case 'text': {
        const pending = this.#pending;
        if (pending === undefined) break;
        const value = token.text.trim();
        if (value === '') break;
        pending.value = pending.value === undefined ? value : `${pending.value} ${value}`;
        break;
      }
      case 'close':
        this.#close(token.name);
        break;
      case 'instruction':
        this.#settlePending();
        this.#sink.instruction(token.body);
        break;
      default:
        token satisfies never;
    }
  }

  malformed(message: string, line: number, column: number): void {
    this.#sink.malformed(message, { line, column });
  }

  /** Ends a leaf still waiting for its end at the end of the input. */
  finish(): void {
    const pending = this.#pending;
    if (pending?.value !== undefined) {
      this.#pending = undefined;
      this.#sink.leaf(pending.name, pending.value, this.#stack, pending.position);
    }
  }

  /** The pending element is followed by a new tag: a leaf if it had text, else an aggregate. */
  #settlePending(): void {
    const pending = this.#pending;
    if (pending === undefined) return;
    this.#pending = undefined;
    if (pending.value !== undefined) {
      this.#sink.leaf(pending.name, pending.value, this.#stack, pending.position);
    } else {
      this.#sink.start(pending.name, this.#stack, pending.position);
      this.#stack.push(pending.name);
    }
  }

  #close(name: string): void {
    const pending = this.#pending;
    if (pending !== undefined) {
      this.#pending = undefined;
      this.#sink.leaf(pending.name, pending.value ?? '', this.#stack, pending.position);
      if (pending.name === name) return;
    }
    const index = this.#stack.lastIndexOf(name);
    if (index === -1) return; // a stray end tag, e.g. an OFX 1.x leaf that also has one
    while (this.#stack.length > index) {
      const closed = this.#stack.pop()!;
      this.#sink.end(closed, this.#stack);
    }
  }
}
