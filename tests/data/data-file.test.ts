/**
 * parseDataFile reads YAML data files with `yaml` (YAML 1.2 core schema) and validates them with
 * a zod schema; errors name the file and the line of the offending value.
 */
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { DataFileError, parseDataFile } from '../../src/ingest/data-file.ts';

describe('parseDataFile', () => {
  it('reads mappings, sequences, flow collections and block scalars', () => {
    const text = 'title: { ru: Тема, en: Topic }\nitems:\n  - one\n  - [2, three]\nnote: |\n  line 1\n  line 2\n';
    expect(parseDataFile(text, 'x.yaml', z.unknown()).value).toEqual({
      title: { ru: 'Тема', en: 'Topic' },
      items: ['one', [2, 'three']],
      note: 'line 1\nline 2\n',
    });
  });

  it('reads YAML 1.2 core scalars (no YAML 1.1 booleans or dates)', () => {
    const text = 'a: ~\nb: True\nc: 0x1F\nd: 0o17\ne: .inf\nf: 2024-05-01\ng: yes\nh: "1"\ni: 1e3\n';
    expect(parseDataFile(text, 'x.yaml', z.unknown()).value).toEqual({
      a: null,
      b: true,
      c: 31,
      d: 15,
      e: Infinity,
      f: '2024-05-01',
      g: 'yes',
      h: '1',
      i: 1000,
    });
  });

  it('gives the line of a path, and of a schema error', () => {
    const text = 'terms:\n  - ru: один\n    en: one\n  - ru: два\n    en: 2\n';
    const schema = z.object({ terms: z.array(z.object({ ru: z.string(), en: z.string() })) });
    expect(() => parseDataFile(text, 'g.yaml', schema)).toThrow(/^g\.yaml:5: /);
    const { lineOf } = parseDataFile(text.replace('en: 2', 'en: two'), 'g.yaml', schema);
    expect(lineOf(['terms', 1])).toBe(4);
    expect(lineOf(['terms', 1, 'en'])).toBe(5);
    expect(lineOf(['missing'])).toBe(1);
  });

  it('reports invalid YAML and duplicate keys with their line', () => {
    expect(() => parseDataFile('a: 1\nb: [\n', 'bad.yaml', z.unknown())).toThrow(DataFileError);
    expect(() => parseDataFile('a: 1\nb: [\n', 'bad.yaml', z.unknown())).toThrow(/^bad\.yaml:\d+: invalid YAML/);
    expect(() => parseDataFile('a: 1\nb: 2\na: 3\n', 'dup.yaml', z.unknown())).toThrow(/^dup\.yaml:3: invalid YAML/);
  });
});
