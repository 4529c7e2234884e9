/**
 * Builds the shipped sources once per test run in an isolated project copy and hands the built
 * site to every test that needs it (`inject('seedSite')`): the full-build, search, link, PDF and
 * browser tests all look at the same real build.
 */
import type { TestProject } from 'vitest/node';
import { buildProject, projectCopy } from './helpers/project-copy.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The seed build: project copy folder, its dist/ and the build log. */
    seedSite: { dir: string; dist: string; log: string };
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const dir = projectCopy('seeds');
  const { dist, log } = await buildProject(dir);
  project.provide('seedSite', { dir, dist, log });
}
