/**
 * The data contract (src/data/contract.ts): every data file the emitter writes parses with the
 * schema the site reads it with, and a file of another shape fails with the file and the fix.
 */
import { describe, expect, it } from 'vitest';
import { DATA_FILES, parseData, StaleDataError, type DataFileName } from '../../src/data/contract.ts';
import { emitSite } from '../../src/ingest/emit/index.ts';
import { sampleHandbook } from '../fixtures/emit/handbook.ts';
import { loadSeedHandbook } from '../helpers/seed-handbook.ts';

const dataFiles = (files: Map<string, string>) =>
  new Map([...files].filter(([path]) => path.startsWith('_data/')).map(([path, text]) => [path.slice(6), text]));

describe('the data contract', () => {
  it.each([
    ['the sample handbook', sampleHandbook],
    ['the seed handbook', loadSeedHandbook],
  ])('covers every data file the emitter writes for %s, and each one parses', (_, handbook) => {
    const data = dataFiles(emitSite(handbook(), { langs: ['ru', 'en'] }));
    expect([...data.keys()].sort()).toEqual(Object.keys(DATA_FILES).sort());
    for (const [name, text] of data) {
      // Parsing returns the file's value unchanged: the contract drops and adds nothing.
      expect(parseData(name as DataFileName, text), name).toEqual(JSON.parse(text));
    }
  });

  it('reads a file of the right shape', () => {
    const text = '{"langs":["ru"],"topics":[{"id":"t","name":{"ru":"Тема"}}],"sources":[],"questions":[],"retired":[]}';
    expect(parseData('links.json', text)).toEqual({
      langs: ['ru'],
      topics: [{ id: 't', name: { ru: 'Тема' } }],
      sources: [],
      questions: [],
      retired: [],
    });
  });

  it('names the file, the place and the fix when a file has another shape', () => {
    const stale =
      '[{"id":"q","title":{"ru":"Вопрос"},"description":{},"totalMinutes":5,"estimated":false,"count":1,"sections":[{"title":{},"items":[{"id":"q","expected":"old"}]}]}]';
    expect(() => parseData('plans.json', stale)).toThrow(StaleDataError);
    expect(() => parseData('plans.json', stale)).toThrow(
      'src/content/docs/_data/plans.json does not match what this version of the site reads ' +
        '(Invalid input: expected record, received string at 0.sections.0.items.0.expected); ' +
        'run `npm run ingest` to write it again',
    );
    expect(() => parseData('sidebar.json', '[{"slug":"a","extra":1}]', '/tmp/sidebar.json')).toThrow(
      /^\/tmp\/sidebar\.json does not match what this version of the site reads \(.+\); run `npm run ingest`/,
    );
  });

  it('names the file when it is not JSON', () => {
    expect(() => parseData('search.json', '{"ru": [', 'x/search.json')).toThrow(
      /^x\/search\.json is not JSON \(.+\); run `npm run ingest` to write it again$/,
    );
  });
});
