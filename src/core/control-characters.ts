// Characters no stored or logged text may hold: where the first one is, and how messages name it.

/**
 * The first character no stored text may hold, at its index: a C0 control but tab, line feed and carriage
 * return (PostgreSQL refuses NUL outright); DEL; an unpaired UTF-16 surrogate.
 */
export function firstControlCharacter(text: string): { index: number; code: number } | undefined {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 ? code !== 0x09 && code !== 0x0a && code !== 0x0d : code === 0x7f)
      return { index: i, code };
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return { index: i, code };
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      return { index: i, code };
    }
  }
  return undefined;
}

/** `U+0000`, as messages name a character. */
export const codePointName = (code: number): string =>
  `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
