import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../src/ingest/errors.ts';
import { FORMATS, decodeSource, detectFormat, firstInvalidUtf8, parseSource } from '../../src/ingest/formats/index.ts';
import { fixture, source } from './helpers.ts';

const REAL: [string, string][] = [
  ['navio-technical-interview-practice.txt', 'practice-page'],
  ['practice-batchnorm-mixed-precision-rocauc-3d-segmentation.txt', 'practice-page'],
  ['cv-ml-engineer-question-bank.txt', 'question-bank'],
  ['deep-learning-interview-outline-backend.txt', 'interview-outline'],
  ['dl-interview-fundamentals-notes.txt', 'qa-notes'],
];

const FIXTURES: [string, string][] = [
  ['practice-page/company-two-steps.txt', 'practice-page'],
  ['practice-page/topics-two-items.txt', 'practice-page'],
  ['practice-page/step-without-question.txt', 'practice-page'],
  ['practice-page/truncated-item.txt', 'practice-page'],
  ['practice-page/no-answer-sections.txt', 'practice-page'],
  ['question-bank/good.txt', 'question-bank'],
  ['question-bank/duplicate-number.txt', 'question-bank'],
  ['question-bank/skipped-number.txt', 'question-bank'],
  ['interview-outline/good.txt', 'interview-outline'],
  ['interview-outline/level-names-missing-question.txt', 'interview-outline'],
  ['interview-outline/count-mismatch.txt', 'interview-outline'],
  ['interview-outline/duplicate-number.txt', 'interview-outline'],
  ['detect/bom-crlf.txt', 'question-bank'],
  ['native-markdown/good.md', 'native-markdown'],
  ['native-markdown/no-front-matter.md', 'native-markdown'],
  ['native-markdown/unknown-part.md', 'native-markdown'],
];

const bytes = (path: string) => readFileSync(join(import.meta.dirname, '..', 'fixtures', path));

function sourceError(run: () => unknown): SourceError {
  try {
    run();
  } catch (error) {
    if (error instanceof SourceError) return error;
    throw error;
  }
  throw new Error('expected a SourceError');
}

describe('detectFormat', () => {
  it('registers one module per format id', () => {
    expect(FORMATS.map((f) => f.id)).toEqual([
      'practice-page',
      'question-bank',
      'qa-notes',
      'interview-outline',
      'native-markdown',
    ]);
  });

  it.each(REAL)('detects %s as %s, and no other format claims it', (file, id) => {
    const text = source(file);
    expect(detectFormat(text, file).id).toBe(id);
    expect(FORMATS.filter((f) => f.detect(text)).map((f) => f.id)).toEqual([id]);
  });

  it.each(FIXTURES)('detects fixture %s as %s', (path, id) => {
    expect(detectFormat(fixture(path), path).id).toBe(id);
  });

  it('parses every real source with no unplaced line', () => {
    for (const [file] of REAL) {
      const { result } = parseSource(source(file), file);
      expect(
        result.fates.filter((f) => f === 'unplaced'),
        file,
      ).toEqual([]);
    }
  });

  it.each(['detect/empty.txt', 'detect/whitespace.txt'])('rejects %s as empty at line 1', (path) => {
    const error = sourceError(() => detectFormat(fixture(path), path));
    expect(error).toMatchObject({ file: path, line: 1, reason: 'empty file' });
    expect(error.message).toBe(`${path}:1: empty file`);
  });

  it('rejects an unknown format at line 1, listing what each format looks like', () => {
    const error = sourceError(() => detectFormat(fixture('detect/unknown.txt'), 'detect/unknown.txt'));
    expect(error).toMatchObject({ file: 'detect/unknown.txt', line: 1 });
    expect(error.reason).toMatch(/^unknown format: expected one of practice-page \(a practice page has /);
    for (const f of FORMATS) expect(error.reason).toContain(f.id);
  });

  it('rejects text that more than one format claims', () => {
    const text = '# Outline\n\n### Вопрос 1: Что такое dropout?\n\nКороткий ответ\nПоказать разбор\n';
    const error = sourceError(() => detectFormat(text, 'mixed.txt'));
    expect(error).toMatchObject({
      file: 'mixed.txt',
      line: 1,
      reason: 'ambiguous format: matches practice-page, interview-outline',
    });
  });

  it('rejects decoded text holding NUL or U+FFFD, at its line', () => {
    expect(sourceError(() => detectFormat('# T\n1. a\n2. \0b\n', 'nul.txt'))).toMatchObject({ line: 3 });
    expect(sourceError(() => detectFormat('# T\n1. \uFFFD\n', 'lossy.txt'))).toMatchObject({ line: 2 });
  });

  it('turns a ParseError into a SourceError naming the file and line', () => {
    const path = 'question-bank/duplicate-number.txt';
    const error = sourceError(() => parseSource(fixture(path), path));
    expect(error.message).toBe(`${path}:7: Numbered question bank: duplicate question number 2 (first at line 5)`);
  });
});

describe('decodeSource', () => {
  it('rejects a binary file at the line of its first NUL byte', () => {
    const error = sourceError(() => decodeSource(bytes('detect/binary.bin'), 'detect/binary.bin'));
    expect(error).toMatchObject({ file: 'detect/binary.bin', line: 3, reason: 'binary file: contains a NUL byte' });
  });

  it('rejects invalid UTF-8 at the line of the first bad byte', () => {
    const error = sourceError(() => decodeSource(bytes('detect/invalid-utf8.txt'), 'detect/invalid-utf8.txt'));
    expect(error).toMatchObject({ file: 'detect/invalid-utf8.txt', line: 3 });
    expect(error.reason).toMatch(/^invalid UTF-8: bad byte 0xff at offset \d+$/);
  });

  it.each([
    ['an overlong encoding', [0x41, 0xc0, 0xaf], 1],
    ['a UTF-16 surrogate', [0x0a, 0xed, 0xa0, 0x80], 1],
    ['a truncated sequence', [0xd0, 0x0a], 0],
    ['a code point above U+10FFFF', [0x41, 0x42, 0xf4, 0x90, 0x80, 0x80], 2],
    ['a stray continuation byte', [0xd0, 0x9a, 0x9a], 2],
  ])('finds %s', (_, seq, offset) => {
    expect(firstInvalidUtf8(Uint8Array.from(seq))).toBe(offset);
  });

  it('accepts well-formed multi-byte text', () => {
    expect(firstInvalidUtf8(new TextEncoder().encode('Вопрос ∑ 😀 \u{10FFFF}'))).toBe(-1);
  });

  it('strips a BOM and normalises CRLF', () => {
    const text = decodeSource(bytes('detect/bom-crlf.txt'), 'detect/bom-crlf.txt');
    expect(text.startsWith('# ML-Interview\nБанк вопросов.\n')).toBe(true);
    expect(text).not.toMatch(/[\r\uFEFF]/);
    expect(parseSource(text, 'bom-crlf.txt').result.items.map((i) => i.title)).toEqual([
      'Что такое Dropout?',
      'Что такое bias?',
    ]);
  });

  it('agrees with a fatal TextDecoder on arbitrary bytes', () => {
    const encoded = fc
      .tuple(fc.string({ unit: 'binary' }), fc.nat(), fc.integer({ min: 0x80, max: 0xff }))
      .map(([s, at, byte]) => {
        const buf = new TextEncoder().encode(s);
        if (buf.length > 0) buf[at % buf.length] = byte;
        return buf;
      });
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 40 }), encoded), (buf) => {
        const bad = firstInvalidUtf8(buf);
        const decoder = new TextDecoder('utf-8', { fatal: true });
        if (bad < 0) {
          expect(() => decoder.decode(buf)).not.toThrow();
        } else {
          expect(() => decoder.decode(buf)).toThrow();
          expect(() => decoder.decode(buf.subarray(0, bad))).not.toThrow();
        }
      }),
      { numRuns: 1000 },
    );
  });
});
