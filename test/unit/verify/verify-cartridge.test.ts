import { describe, expect, it } from 'vitest';
import { packageTarget } from '../../../scripts/package/index.js';
import { formatReport } from '../../../scripts/verify/format-report.js';
import { verifyPackage } from '../../../scripts/verify/verify-package.js';
import { hostileZip } from '../../support/hostile-zip.js';
import { fakeWebFiles, makeModel, unzip } from '../package/package-helpers.js';

// verify on a Common Cartridge: checked and summarised without a browser, and treated as hostile.

const options = { name: 'course.imscc', answers: 'correct', resume: false } as const;
const noBrowser = (): Promise<never> => Promise.reject(new Error('a cartridge is never launched'));

const model = makeModel({
  'sections/03-c.md': '---\ntitle: C\n---\n\n:::question{#c1 type=multiple-response weight=3}\nPick.\n\n- [x] One\n- [ ] Two\n:::\n\n:::question{#c2 type=matching}\nMatch.\n\n- A -> 1\n- B -> 2\n:::\n',
});

describe('coursemark verify on a .imscc', () => {
  it('checks the cartridge and says what an LMS will create: modules, pages, quizzes with points', async () => {
    const cartridge = await packageTarget('cc', model, fakeWebFiles());
    const report = await verifyPackage(cartridge.bytes, options, noBrowser);
    expect(report.kind).toBe('cc');
    expect(report.manifest).toEqual([]);
    expect(report.findings).toEqual([]);
    expect(report.cartridge?.modules.map((module) => [module.title, module.items.map((item) => `${item.kind} ${item.title}`)])).toEqual([
      ['Test course', ['page A', 'page B & more', 'quiz B & more: quiz', 'page C', 'quiz C: quiz']],
    ]);
    expect(report.cartridge?.totals).toEqual({ pages: 3, quizzes: 2, questions: 2, points: 4, links: 0 });
    const text = formatReport(report);
    expect(text).toContain('quiz  C: quiz: 1 question(s), 3 point(s) (1 multiple response)');
    expect(text).toContain('Result: OK. An LMS that imports this cartridge will create what is listed above.');
  });

  it('refuses entries that leave the folder and reports a quiz that declares entities, launching nothing', async () => {
    const entries = unzip((await packageTarget('cc', model, fakeWebFiles())).bytes);
    const bomb = '<?xml version="1.0"?><!DOCTYPE q [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><questestinterop xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2">&b;</questestinterop>';
    const hostile = hostileZip([
      ...entries.map((entry) => ({ name: entry.path, data: entry.path.startsWith('assessments/quiz-02') ? new TextEncoder().encode(bomb) : entry.contents })),
      { name: '../../escape.xml', data: new TextEncoder().encode('<x/>') },
    ]);
    const report = await verifyPackage(hostile, options, noBrowser);
    expect(report.kind).toBe('cc');
    const problems = report.manifest.join('\n');
    expect(problems).toMatch(/path-invalid: .*escape\.xml: refused/);
    expect(problems).toMatch(/xml-doctype: assessments\/quiz-02-b\.xml: has a DOCTYPE declaration that declares entities/);
    expect(problems).toMatch(/cc-qti: assessments\/quiz-02-b\.xml: has no <assessment>/);
    expect(formatReport(report)).toMatch(/Result: \d+ problem\(s\)/);
  });
});
