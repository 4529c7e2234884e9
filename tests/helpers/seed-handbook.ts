/** Loads the shipped sources and data files through the real pipeline (cached per test file). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildHandbook, type PipelineInput } from '../../src/ingest/pipeline.ts';
import type { Handbook } from '../../src/ingest/model.ts';

export const ROOT = join(import.meta.dirname, '..', '..');

/** The pipeline input for a sources folder (default: content/sources) with the shipped data files. */
export function pipelineInput(sourcesDir = join(ROOT, 'content/sources')): PipelineInput {
  const data = (name: string) => ({ file: `content/${name}`, text: readFileSync(join(ROOT, 'content', name), 'utf8') });
  return {
    sources: readdirSync(sourcesDir)
      .sort()
      .map((file) => ({ file, bytes: readFileSync(join(sourcesDir, file)) })),
    topics: data('topics.yaml'),
    slugs: data('slugs.yaml'),
    lock: existsSync(join(ROOT, 'content/ids.lock.json')) ? data('ids.lock.json') : undefined,
  };
}

let cached: Handbook | undefined;
export function loadSeedHandbook(): Handbook {
  cached ??= buildHandbook(pipelineInput());
  return cached;
}
