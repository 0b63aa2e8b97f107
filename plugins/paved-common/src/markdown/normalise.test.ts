import { normaliseMarkdownText, unwrapParagraph } from './normalise';

describe('normaliseMarkdownText', () => {
  it('drops byte-order marks and turns CRLF and CR into LF', () => {
    expect(normaliseMarkdownText('\ufeff# T\r\n\r\nx\ry\n')).toBe(
      '# T\n\nx\ny\n',
    );
    expect(normaliseMarkdownText('\ufeff\ufeffa')).toBe('a');
  });

  it('leaves a byte-order mark inside the text alone', () => {
    expect(normaliseMarkdownText('a\ufeffb')).toBe('a\ufeffb');
  });
});

describe('unwrapParagraph', () => {
  it('joins soft breaks and keeps hard ones', () => {
    expect(unwrapParagraph('one\n  two \nthree  \nfour\\\nfive')).toBe(
      'one two three  \nfour\\\nfive',
    );
  });

  it('drops quote markers of continuation lines', () => {
    expect(unwrapParagraph('a\n> b\n>> c', true)).toBe('a b c');
  });
});
