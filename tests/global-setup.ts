/**
 * Builds the shipped sources once per test run in an isolated project copy and hands the built
 * site to every test that needs it (`inject('seedSite')`): the full-build, search, link, PDF and
 * browser tests all look at the same real build.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildProject, projectCopy } from './helpers/project-copy.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The seed build: project copy folder, its dist/ and the build log. */
    seedSite: { dir: string; dist: string; log: string };
  }
}

/** Seed questions built without their handbook answer in the test build (one BatchNorm question, one Python question). */
export const UNANSWERED_IN_TESTS = ['obuchaemye-parametry-batchnorm', 'vidy-sortirovok-slozhnosti'];

export default async function setup(project: TestProject): Promise<() => void> {
  // One copy per test run, so two runs at once (two terminals, a watcher) never share a folder.
  const dir = projectCopy(`seeds-${process.pid}`);
  // Every seed question has an answer (content/answers/); the browser suites also need questions
  // whose answer is still to be written, so the copy leaves these out.
  for (const id of UNANSWERED_IN_TESTS) {
    for (const lang of ['ru', 'en']) rmSync(join(dir, 'content/answers', `${id}.${lang}.md`));
  }
  const { dist, log } = await buildProject(dir);
  project.provide('seedSite', { dir, dist, log });
  return () => rmSync(dir, { recursive: true, force: true });
}
