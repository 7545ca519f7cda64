// Canonical JSON (RFC 8785, JCS) written directly: the same bytes as the `canonicalize` library for JSON
// values, without its per-value checks and allocations. Anything that is not a plain JSON value (toJSON,
// undefined, functions, symbols, bigint, very deep or circular structures) is left to the library.
import canonicalize from 'canonicalize';

// Characters JSON.stringify escapes, and surrogates (a lone one is refused, as the library does).
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON escapes
const needsCare = /[\u0000-\u001f"\\\ud800-\udfff]/;
const maxDepth = 100;

class NotPlain extends Error {}
const notPlain = new NotPlain();

/** A string as a JSON string literal (RFC 8785 §3.2.2.2: JSON.stringify's escaping). */
export function jsonString(value: string): string {
  if (!needsCare.test(value)) return '"' + value + '"';
  if (hasLoneSurrogate(value)) throw new Error('Lone surrogate is not allowed');
  return JSON.stringify(value);
}

/** RFC 8785 canonical JSON of `value`; byte for byte what `canonicalize(value)` returns. */
export function canonicalJson(value: unknown): string | undefined {
  try {
    return write(value, 0);
  } catch (error) {
    if (error === notPlain) return canonicalize(value);
    throw error;
  }
}

function write(value: unknown, depth: number): string {
  switch (typeof value) {
    case 'string':
      return jsonString(value);
    case 'number':
      if (Number.isNaN(value)) throw new Error('NaN is not allowed');
      if (!Number.isFinite(value)) throw new Error('Infinity is not allowed');
      // ES Number::toString (RFC 8785 §3.2.2.3), as JSON.stringify writes finite numbers; -0 is "0".
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (depth >= maxDepth || typeof (value as { toJSON?: unknown }).toJSON === 'function') throw notPlain;
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ',';
          const item: unknown = value[i];
          if (item === undefined && !(i in value)) throw notPlain; // a hole: the library writes nothing
          out += item === undefined ? 'null' : write(item, depth + 1);
        }
        return out + ']';
      }
      const object = value as Record<string, unknown>;
      // Default sort: by UTF-16 code units, as RFC 8785 §3.2.3 requires.
      const keys = Object.keys(object).sort();
      let out = '{';
      let first = true;
      for (const key of keys) {
        const item = object[key];
        if (item === undefined) continue;
        out += (first ? '' : ',') + jsonString(key) + ':' + write(item, depth + 1);
        first = false;
      }
      return out + '}';
    }
    default:
      throw notPlain;
  }
}

function hasLoneSurrogate(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = i + 1 < value.length ? value.charCodeAt(i + 1) : 0;
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      return true;
    }
  }
  return false;
}
