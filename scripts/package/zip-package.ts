import { ZipArchive } from 'archiver';
import type { OutputFile } from '../bundle/bundle-course.js';
import { comparePaths, isPrecompressed, junkReason, pathProblem } from './package-files.js';

/**
 * Fixed entry time: DOS dates cannot predate 1980, and a fixed time makes archives byte-identical
 * (standards Z9). Written as UTC fields (archiver's default, forceLocalTime false), so the time
 * zone of the build machine does not matter.
 */
export const ZIP_ENTRY_DATE = new Date('1980-01-01T00:00:00Z');

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
 * everything else deflated (method 8) at level 9. No Zip64 unless archiver needs it for size
 * (standards Z1). The same entries give the same bytes, build after build.
 */
export async function zipPackage(entries: readonly OutputFile[]): Promise<Uint8Array> {
  assertPackable(entries);
  const sorted = [...entries].sort((a, b) => comparePaths(a.path, b.path));
  const archive = new ZipArchive({ zlib: { level: 9 }, forceLocalTime: false, forceZip64: false });
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    archive.on('data', (chunk: Buffer) => chunks.push(chunk));
    archive.on('end', () => resolve());
    archive.on('error', (error) => reject(new Error(`Zipping the package failed: ${error.message}`, { cause: error })));
    archive.on('warning', (error) => reject(new Error(`Zipping the package failed: ${error.message}`, { cause: error })));
  });
  for (const entry of sorted) {
    archive.append(Buffer.from(entry.contents.buffer, entry.contents.byteOffset, entry.contents.byteLength), {
      name: entry.path,
      type: 'file',
      date: ZIP_ENTRY_DATE,
      mode: ZIP_FILE_MODE,
      store: isPrecompressed(entry.path),
    });
  }
  await archive.finalize();
  await done;
  const zip = Buffer.concat(chunks);
  return new Uint8Array(zip.buffer, zip.byteOffset, zip.byteLength);
}
