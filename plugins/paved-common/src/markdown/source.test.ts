import { decodeMarkdownSource, MAX_MARKDOWN_BYTES } from './source';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('decodeMarkdownSource', () => {
  it('decodes UTF-8 text and drops a byte-order mark', () => {
    expect(decodeMarkdownSource(bytes('\ufeff# Hé'))).toEqual({
      ok: true,
      value: '# Hé',
      warnings: [],
    });
  });

  it('refuses files over 1 MB', () => {
    const big = new Uint8Array(MAX_MARKDOWN_BYTES + 1).fill(0x61);
    expect(decodeMarkdownSource(big)).toMatchObject({
      ok: false,
      error: { code: 'too-large' },
    });
  });

  it('refuses binary content', () => {
    expect(
      decodeMarkdownSource(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 1])),
    ).toMatchObject({
      ok: false,
      error: { code: 'binary' },
    });
    expect(decodeMarkdownSource(Uint8Array.from([0xc3, 0x28]))).toMatchObject({
      ok: false,
      error: { code: 'binary', message: 'file is not valid UTF-8 text' },
    });
  });

  it('refuses empty files', () => {
    expect(decodeMarkdownSource(bytes(' \n'))).toMatchObject({
      ok: false,
      error: { code: 'empty' },
    });
  });
});
