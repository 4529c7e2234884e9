/** runPipeline reports each stage's time once, in order, and the hook changes nothing. */
import { describe, expect, it } from 'vitest';
import { PIPELINE_STAGES, runPipeline, type PipelineStage } from '../../src/ingest/pipeline.ts';
import { pipelineInput } from '../helpers/seed-handbook.ts';

describe('runPipeline stages', () => {
  it('calls onStage once per stage, in order, with non-negative times', () => {
    const seen: [PipelineStage, number][] = [];
    const input = pipelineInput();
    const timed = runPipeline(input, { onStage: (stage, ms) => seen.push([stage, ms]) });
    expect(seen.map(([stage]) => stage)).toEqual([...PIPELINE_STAGES]);
    for (const [, ms] of seen) expect(ms).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(timed)).toBe(JSON.stringify(runPipeline(input)));
  });
});
