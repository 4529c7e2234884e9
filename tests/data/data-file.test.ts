/**
 * parseDataFile reads values with js-yaml and asks `yaml` for lines only when needed: the
 * values must be what `yaml` reads, and errors keep `yaml`'s lines.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { DataFileError, parseDataFile } from '../../src/ingest/data-file.ts';

const content = resolve(import.meta.dirname, '../../content');
const yamlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : [],
  );

describe('parseDataFile', () => {
  it('reads every data file of content/ to the value `yaml` reads', () => {
    const files = yamlFiles(content);
    expect(files.length).toBeGreaterThan(4);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(parseDataFile(text, file, z.unknown()).value, file).toEqual(parseDocument(text).toJS());
    }
  });

  it('reads YAML 1.2 core scalars as `yaml` does', () => {
    const text = 'a: ~\nb: True\nc: 0x1F\nd: 0o17\ne: .inf\nf: 2024-05-01\ng: yes\nh: "1"\ni: 1e3\n';
    expect(parseDataFile(text, 'x.yaml', z.unknown()).value).toEqual(parseDocument(text).toJS());
  });

  it('gives the line of a path lazily, and of a schema error', () => {
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
