/** Reads the pipeline's inputs from a project folder: sources, data files, lock, translations. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DataText } from '../src/ingest/data-file.ts';
import type { PipelineInput } from '../src/ingest/pipeline.ts';

/** Files directly inside `dir` (no dot files), sorted by name. */
export function listFiles(dir: string, extension = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.') && name.endsWith(extension) && statSync(join(dir, name)).isFile())
    .sort();
}

/**
 * Everything runPipeline needs, read from `root` (content/ by default). `sourcesDir` overrides
 * the sources folder (benchmarks, tests).
 */
export function loadInputs(root: string, options: { content?: string; sourcesDir?: string } = {}): PipelineInput {
  const content = options.content ?? join(root, 'content');
  const sourcesDir = options.sourcesDir ?? join(content, 'sources');
  const data = (path: string): DataText => ({ file: relative(root, path) || path, text: readFileSync(path, 'utf8') });
  const lockPath = join(content, 'ids.lock.json');
  const translationsDir = join(content, 'translations');
  const answersDir = join(content, 'answers');
  return {
    sources: listFiles(sourcesDir).map((file) => ({ file, bytes: readFileSync(join(sourcesDir, file)) })),
    topics: data(join(content, 'topics.yaml')),
    slugs: data(join(content, 'slugs.yaml')),
    lock: existsSync(lockPath) ? data(lockPath) : undefined,
    translations: listFiles(translationsDir, '.yaml').map((file) => data(join(translationsDir, file))),
    answers: listFiles(answersDir, '.md').map((file) => data(join(answersDir, file))),
    concepts: existsSync(join(content, 'concepts.yaml')) ? data(join(content, 'concepts.yaml')) : undefined,
    relations: existsSync(join(content, 'relations.yaml')) ? data(join(content, 'relations.yaml')) : undefined,
    plans: listFiles(join(content, 'plans'), '.yaml').map((file) => data(join(content, 'plans', file))),
  };
}
