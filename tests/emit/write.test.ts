/**
 * writeSiteAtomically: replaces the directory on success, leaves it intact on failure.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSiteAtomically } from '../../src/ingest/emit/write.ts';

let root: string | undefined;
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

async function setup(): Promise<{ root: string; out: string }> {
  root = await mkdtemp(join(tmpdir(), 'hb-write-'));
  const out = join(root, 'docs');
  await mkdir(join(out, 'old'), { recursive: true });
  await writeFile(join(out, 'old/page.mdx'), 'old');
  return { root, out };
}

describe('writeSiteAtomically', () => {
  it('replaces the whole directory and leaves no temp dirs', async () => {
    const { root, out } = await setup();
    await writeSiteAtomically(
      new Map([
        ['index.mdx', 'new'],
        ['en/a/b.mdx', 'deep'],
      ]),
      out,
    );
    expect(await readFile(join(out, 'index.mdx'), 'utf8')).toBe('new');
    expect(await readFile(join(out, 'en/a/b.mdx'), 'utf8')).toBe('deep');
    expect((await readdir(out)).sort()).toEqual(['en', 'index.mdx']);
    expect(await readdir(root)).toEqual(['docs']);
  });

  it('creates a missing output directory', async () => {
    root = await mkdtemp(join(tmpdir(), 'hb-write-'));
    await writeSiteAtomically(new Map([['a.mdx', 'x']]), join(root, 'nested/docs'));
    expect(await readFile(join(root, 'nested/docs/a.mdx'), 'utf8')).toBe('x');
  });

  it('keeps the previous output when a write fails', async () => {
    const { root, out } = await setup();
    // A file and a directory with the same path: the second write fails.
    const files = new Map([
      ['x', 'file'],
      ['x/y.mdx', 'child'],
    ]);
    await expect(writeSiteAtomically(files, out)).rejects.toThrow();
    expect(await readFile(join(out, 'old/page.mdx'), 'utf8')).toBe('old');
    expect(await readdir(root)).toEqual(['docs']);
  });

  it('refuses paths that escape the output directory', async () => {
    const { root, out } = await setup();
    await expect(writeSiteAtomically(new Map([['../evil.mdx', 'x']]), out)).rejects.toThrow(/escapes/);
    expect(await readdir(root)).toEqual(['docs']);
  });
});
