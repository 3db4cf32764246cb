import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readableIds } from '../../../../components/runtime/statements/readable-ids.js';

// SCORM 2004 short_identifier_type as LMSs and scorm-again accept it (RTE 4.2.9.1: up to 250 characters).
const SHORT_IDENTIFIER = /^[\w.-]{1,250}$/;

const ids = (texts: readonly string[]): string[] => {
  const map = readableIds(texts.map((text, i) => ({ id: String.fromCharCode(97 + i), text })));
  return texts.map((_, i) => map.get(String.fromCharCode(97 + i)) ?? '');
};

describe('readable interaction ids', () => {
  it('names an option after its text, without small words, accents or punctuation', () => {
    expect(ids(['The person who shared it without consent', 'Zürich, Ångström & Co.', '16:9 ratio'])).toEqual([
      'person-who-shared-without-consent',
      'zurich-angstrom-co',
      '16-9-ratio',
    ]);
  });

  it('cuts long texts at a word, keeps repeated texts apart and falls back to the position for non-Latin text', () => {
    const long = 'Keep the evidence: take screenshots of the messages, the profile and the dates before you report anything';
    expect(ids([long])[0]).toBe('keep-evidence-take-screenshots-messages');
    expect(ids(['Yes', 'Yes', 'yes!'])).toEqual(['yes', 'yes-2', 'yes-3']);
    expect(ids(['الضحية', 'من نشر الصورة'])).toEqual(['a', 'b']);
    expect(ids(['A', 'B'])).toEqual(['a', 'b']);
  });

  it('gives unique SCORM 2004 identifiers for any list of texts', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 80 }), { minLength: 1, maxLength: 26 }), (texts) => {
        const out = ids(texts);
        expect(new Set(out).size).toBe(out.length);
        for (const id of out) expect(id).toMatch(SHORT_IDENTIFIER);
      }),
      { numRuns: 500, seed: 20261207 },
    );
  });
});
