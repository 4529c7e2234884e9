/** Loads the shipped sources and data files through the real pipeline (cached per test file). */
import { join } from 'node:path';
import { buildHandbook, type PipelineInput } from '../../src/ingest/pipeline.ts';
import type { Handbook } from '../../src/ingest/model.ts';
import { loadInputs } from '../../scripts/inputs.ts';

export const ROOT = join(import.meta.dirname, '..', '..');

/** The pipeline input of the project (optionally with another sources folder). */
export function pipelineInput(sourcesDir?: string): PipelineInput {
  return loadInputs(ROOT, { sourcesDir });
}

let cached: Handbook | undefined;
export function loadSeedHandbook(): Handbook {
  cached ??= buildHandbook(pipelineInput());
  return cached;
}
