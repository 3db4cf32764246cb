import type { OutputFile } from '../bundle/bundle-course.js';
import { FileCompressor } from './compressed-file.js';
import { comparePaths, junkReason, pathProblem } from './package-files.js';
import { writeZip } from './zip-writer.js';

/** Regular file, rw-r--r-- (reliability S9). */
export const ZIP_FILE_MODE = 0o644;

/**
 * Checks entries before zipping: junk and server-executable files (Z6), unsafe paths (Z3) and
 * names that differ only by case. Throws an Error naming the first offending file.
 */
export function assertPackable(entries: readonly OutputFile[]): void {
  const seen = new Map<string, string>();
  for (const entry of entries) {
    const problem = pathProblem(entry.path);
    if (problem !== undefined) throw new Error(`Cannot package "${entry.path}": the path ${problem}.`);
    const junk = junkReason(entry.path);
    if (junk !== undefined) throw new Error(`Cannot package "${entry.path}": it is ${junk}, which LMSs may reject. Remove it from the build output.`);
    const folded = entry.path.toLowerCase();
    const other = seen.get(folded);
    if (other !== undefined) {
      throw new Error(
        other === entry.path
          ? `Cannot package "${entry.path}": it appears twice.`
          : `Cannot package "${entry.path}": it differs only by letter case from "${other}", which breaks on case-insensitive file systems.`,
      );
    }
    seen.set(folded, entry.path);
  }
}

/**
 * Zips package entries deterministically: sorted by path (code-unit order), fixed date, mode
 * 0644, no directory entries, `/` separators; already-compressed media stored (method 0),
 * everything else deflated (method 8) at level 9, no Zip64 (standards Z1). The same entries give
 * the same bytes, build after build. `compressor` shares deflated files between the packages of
 * a build (and with the cache of earlier builds); each call deflates on its own without one.
 */
export async function zipPackage(entries: readonly OutputFile[], compressor: FileCompressor = new FileCompressor()): Promise<Uint8Array> {
  assertPackable(entries);
  const sorted = [...entries].sort((a, b) => comparePaths(a.path, b.path));
  return writeZip(
    sorted.map((entry) => ({ name: entry.path, file: compressor.compress(entry.path, entry.contents) })),
    ZIP_FILE_MODE,
  );
}
