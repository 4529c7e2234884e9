/**
 * Writing emitted files to disk atomically: a failed run leaves the previous output intact.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';

/**
 * Write `files` (relative paths -> contents) as the complete new content of `outDir`.
 *
 * Everything is written into a sibling temp directory (`.<name>.tmp-<pid>-<time>`) first; only
 * when all writes succeeded is the old `outDir` renamed aside and the temp directory renamed
 * into place, after which the old copy is deleted. If anything fails before the swap, the temp
 * directory is removed and `outDir` is untouched; if the second rename fails, the old directory
 * is renamed back.
 *
 * @param files Relative POSIX paths (no `..`, not absolute) mapped to UTF-8 contents.
 * @param outDir Target directory (created if missing; its previous contents are replaced).
 */
export async function writeSiteAtomically(files: Map<string, string>, outDir: string): Promise<void> {
  const target = resolve(outDir);
  const parent = dirname(target);
  const stamp = `${process.pid}-${Date.now()}`;
  const temp = join(parent, `.${basename(target)}.tmp-${stamp}`);
  const old = join(parent, `.${basename(target)}.tmp-old-${stamp}`);
  await mkdir(parent, { recursive: true });
  try {
    await mkdir(temp);
    for (const [relative, contents] of files) {
      const path = resolve(temp, relative);
      if (!path.startsWith(temp + sep))
        throw new Error(`writeSiteAtomically: path escapes the output directory: ${relative}`);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, contents, 'utf8');
    }
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }

  let movedOld = false;
  try {
    await rename(target, old);
    movedOld = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      await rm(temp, { recursive: true, force: true });
      throw error;
    }
  }
  try {
    await rename(temp, target);
  } catch (error) {
    if (movedOld) await rename(old, target);
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  if (movedOld) await rm(old, { recursive: true, force: true });
}
