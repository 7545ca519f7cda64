// JSON as a token stream (stream-json), plus a small assembler for values that are small enough to hold.
import { pipeline, type Readable } from 'node:stream';
import { parser } from 'stream-json';
import type { Token } from 'stream-json/parser.js';

export type { Token };

/** A JSON number kept as written, so that amounts convert exactly. */
export class JsonNumber {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

export type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/** Tokens of a JSON byte stream; a syntax error surfaces as a rejected iteration. */
export function jsonTokens(input: Readable): AsyncIterable<Token> {
  const tokens = parser.asStream({ packValues: true, streamValues: false });
  pipeline(input, tokens, () => {
    // Errors reach the consumer through the token stream, which pipeline destroys with them.
  });
  return tokens as AsyncIterable<Token>;
}

/** Escapes one JSON pointer segment (RFC 6901). */
export function pointerSegment(segment: string | number): string {
  return typeof segment === 'number' ? String(segment) : segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof JsonNumber)
  );
}

/** Builds one value from its tokens; `consume` returns the value once its last token arrives. */
export class JsonAssembler {
  readonly #containers: (JsonValue[] | JsonObject)[] = [];
  #key: string | undefined;
  #keys: (string | undefined)[] = [];

  /** Returns undefined while the value is incomplete, and { value } when it is done. */
  consume(token: Token): { value: JsonValue } | undefined {
    switch (token.name) {
      case 'startObject':
        return this.#open({});
      case 'startArray':
        return this.#open([]);
      case 'endObject':
      case 'endArray': {
        const done = this.#containers.pop()!;
        this.#key = this.#keys.pop();
        return this.#add(done);
      }
      case 'keyValue':
        this.#key = token.value;
        return undefined;
      case 'stringValue':
        return this.#add(token.value);
      case 'numberValue':
        return this.#add(new JsonNumber(token.value));
      case 'nullValue':
        return this.#add(null);
      case 'trueValue':
        return this.#add(true);
      case 'falseValue':
        return this.#add(false);
      default:
        return undefined;
    }
  }

  #open(container: JsonValue[] | JsonObject): undefined {
    this.#keys.push(this.#key);
    this.#key = undefined;
    this.#containers.push(container);
    return undefined;
  }

  #add(value: JsonValue): { value: JsonValue } | undefined {
    const parent = this.#containers.at(-1);
    if (parent === undefined) return { value };
    if (Array.isArray(parent)) parent.push(value);
    else if (this.#key !== undefined && this.#key !== '__proto__') parent[this.#key] = value;
    return undefined;
  }
}
