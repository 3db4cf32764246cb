import { describe, expect, it } from 'vitest';
import { toJsonMessages } from '../../../scripts/cli/format-messages.js';
import { checkCourse } from '../../../scripts/pipeline.js';
import { baseConfig, courseFromStrings } from '../helpers/course-from-strings.js';

// B5: ids that only look different (Unicode normalisation, case) collide, and the message names both files.
const page = (title: string) => `---\ntitle: ${title}\n---\n\nText.\n`;

describe('duplicate ids after normalisation', () => {
  it('page ids from file names collide across NFC, NFD, full-width and case variants', () => {
    const result = checkCourse(
      courseFromStrings({
        'course.yaml': baseConfig,
        'sections/01-caf\u00e9.md': page('a'),
        'sections/02-cafe\u0301.md': page('b'),
        'sections/03-\uff43\uff41\uff46\u00e9.md': page('c'),
        'sections/04-Caf\u00e9.md': page('d'),
        'sections/05-cafe.md': page('e'),
      }),
    );
    const messages = toJsonMessages(result.files, '/virtual/course');
    expect(messages.map((m) => [m.file, m.line, m.ruleId])).toEqual([
      ['sections/02-cafe\u0301.md', 1, 'duplicate-id'],
      ['sections/03-\uff43\uff41\uff46\u00e9.md', 1, 'duplicate-id'],
      ['sections/04-Caf\u00e9.md', 1, 'duplicate-id'],
    ]);
    // Each message names the other file, so both places are known.
    expect(messages.every((m) => m.message.includes('01-caf\u00e9.md'))).toBe(true);
    expect(result.model).toBeUndefined();
  });
});
