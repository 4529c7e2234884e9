/**
 * Test helper: build a sample handbook with `astro build` in an isolated project copy
 * (tests/helpers/project-copy.ts), so the working tree's generated pages are never touched.
 */
import { join } from 'node:path';
import type { Handbook, Lang } from '../../src/ingest/model.ts';
import { emitSite } from '../../src/ingest/emit/index.ts';
import { writeSiteAtomically } from '../../src/ingest/emit/write.ts';
import { astroBuildIn, projectCopy, ROOT } from '../helpers/project-copy.ts';

export { ROOT };

export interface SiteBuild {
  /** Absolute path of the built site. */
  dist: string;
  /** Emitted files (relative to src/content/docs/). */
  files: Map<string, string>;
  /** Build log (stdout + stderr). */
  log: string;
}

/** Emit `handbook` into a fresh project copy and run `astro build` there. */
export async function buildSite(handbook: Handbook, langs: Lang[] = ['ru', 'en']): Promise<SiteBuild> {
  const files = emitSite(handbook, { langs });
  const dir = projectCopy('sample');
  await writeSiteAtomically(files, join(dir, 'src/content/docs'));
  const log = await astroBuildIn(dir);
  return { dist: join(dir, 'dist'), files, log };
}
