// Highlighting of the segment language in CodeMirror: keywords, function names, strings, numbers and durations.
import { HighlightStyle, StreamLanguage, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';

const keywords = new Set(['and', 'or', 'not', 'true', 'false', 'within', 'in']);

const segmentLanguage = StreamLanguage.define<null>({
  name: 'curtain-segment',
  token(stream) {
    if (stream.eatSpace()) return null;
    if (stream.match(/^"(?:[^"\\]|\\.)*"?/)) return 'string';
    if (stream.match(/^\d[\d_]*(?:\.\d+)?(?:d|w|m|y)?\b/)) return 'number';
    if (stream.match(/^[A-Za-z_][A-Za-z0-9_]*/)) {
      const word = stream.current();
      if (keywords.has(word)) return 'keyword';
      return stream.peek() === '(' ? 'function' : stream.peek() === ':' ? 'propertyName' : 'variableName';
    }
    if (stream.match(/^(?:>=|<=|!=|==|>|<|=)/)) return 'operator';
    stream.next();
    return 'punctuation';
  },
  tokenTable: { function: tags.function(tags.variableName) },
});

// Colours chosen for at least 4.5:1 against the white editor background.
const style = HighlightStyle.define([
  { tag: tags.keyword, color: '#7a1fa2', fontWeight: 'bold' },
  { tag: tags.function(tags.variableName), color: '#0b5394' },
  { tag: tags.propertyName, color: '#6b4400' },
  { tag: tags.string, color: '#1b6e20' },
  { tag: tags.number, color: '#a01a1a' },
  { tag: tags.operator, color: '#333333' },
]);

export const segmentHighlighting = [segmentLanguage, syntaxHighlighting(style)];
