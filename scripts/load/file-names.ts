/**
 * File names that break on some system the course will travel to: the LMS may run on Windows,
 * authors may use macOS (which stores names decomposed, NFD), and zips are opened everywhere.
 * Returns the reason a name is a problem, or undefined. Warnings only: the build still works here.
 */
export function fileNameProblem(path: string): string | undefined {
  for (const segment of path.split('/')) {
    // Windows reserved device names, with or without an extension (learn.microsoft.com, "Naming Files, Paths, and Namespaces").
    if (/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i.test(segment)) return `"${segment}" is a reserved device name on Windows`;
    if (/[<>:"|?*\\]/.test(segment)) return `"${segment}" contains a character Windows does not allow in file names (< > : " | ? * \\)`;
    if (/[\u0000-\u001f]/.test(segment)) return 'the name contains a control character';
    if (/[ .]$/.test(segment)) return `"${segment}" ends with a dot or space, which Windows drops`;
  }
  // Bidirectional controls can make a name display differently from what it is (CVE-2021-42574).
  if (/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/.test(path)) return 'the name contains an invisible text-direction character';
  // Letters that show as nothing (U+3164, U+034F, zero-width spaces): two names can look the same.
  if (/\p{Default_Ignorable_Code_Point}/u.test(path)) return 'the name contains an invisible character';
  if (path !== path.normalize('NFC')) return 'the name uses decomposed Unicode (NFD, as macOS stores it); the package uses the composed form (NFC)';
  return undefined;
}

/** Groups of paths that differ only by letter case (or Unicode normalisation): one file on Windows and macOS. */
export function caseCollisions(paths: readonly string[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const path of paths) {
    const key = path.normalize('NFC').toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), path]);
  }
  return [...groups.values()].filter((group) => group.length > 1);
}
