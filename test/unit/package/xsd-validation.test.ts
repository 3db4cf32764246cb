import { describe, expect, it } from 'vitest';
import { cmi5Manifest, writeCmi5Manifest, type Cmi5CourseStructure } from '../../../scripts/package/cmi5-manifest.js';
import { scorm12Manifest, writeScorm12Manifest, type Scorm12Manifest } from '../../../scripts/package/scorm12-manifest.js';
import { scorm2004Manifest, writeScorm2004Manifest, type Scorm2004Manifest } from '../../../scripts/package/scorm2004-manifest.js';
import { fakeWebFiles, makeModel, makePartsModel, validateManifest } from './package-helpers.js';

// standards.md §5.2 V1-V3: every manifest against the official XSDs, SCORM through a driver schema
// that imports every namespace; and proof that the driver catches values the CP schema alone lets by.

const model = makeModel();
const web = fakeWebFiles();

describe('manifests validate against the official XSDs', () => {
  it('SCORM 1.2 imsmanifest.xml', async () => {
    expect(await validateManifest('scorm12', writeScorm12Manifest(scorm12Manifest(model, web)))).toEqual([]);
  });

  it('SCORM 2004 4th Edition imsmanifest.xml', async () => {
    expect(await validateManifest('scorm2004', writeScorm2004Manifest(scorm2004Manifest(model, web)))).toEqual([]);
  });

  it.each(['single', 'per-page', 'per-part'] as const)('cmi5.xml, %s layout, with and without parts', async (layout) => {
    expect(await validateManifest('cmi5', writeCmi5Manifest(cmi5Manifest(model, { layout })))).toEqual([]);
    expect(await validateManifest('cmi5', writeCmi5Manifest(cmi5Manifest(makePartsModel(), { layout })))).toEqual([]);
  });

  // Nine xmllint-wasm validations, each compiling the XSDs anew: seconds of CPU on a busy machine.
  it('a course with mastery 0, 1 and an odd fraction still validates everywhere', { timeout: 60_000 }, async () => {
    for (const mastery of ['0', '1', '0.66666']) {
      const odd = makeModel({ 'course.yaml': `id: https://example.org/courses/odd\ntitle: "Ödd <title> & \\"quotes\\""\nlanguage: de-CH\nversion: "2024.1-beta+7"\nmastery: ${mastery}\n` });
      expect(await validateManifest('scorm12', writeScorm12Manifest(scorm12Manifest(odd, web)))).toEqual([]);
      expect(await validateManifest('scorm2004', writeScorm2004Manifest(scorm2004Manifest(odd, web)))).toEqual([]);
      expect(await validateManifest('cmi5', writeCmi5Manifest(cmi5Manifest(odd, { layout: 'per-page' })))).toEqual([]);
    }
  });
});

describe('the validation catches bad values (negative tests)', () => {
  it('SCORM 1.2: scormtype="SCO" (the vocabulary is case-sensitive)', async () => {
    const good = scorm12Manifest(model, web);
    const bad = { ...good, resources: good.resources.map((resource) => ({ ...resource, scormtype: 'SCO' })) } as unknown as Scorm12Manifest;
    const errors = await validateManifest('scorm12', writeScorm12Manifest(bad));
    expect(errors.join('\n')).toMatch(/scormtype/);
  });

  it('SCORM 1.2: a timelimitaction outside the vocabulary', async () => {
    const good = scorm12Manifest(model, web);
    const org = good.organizations.organizations[0]!;
    const bad = {
      ...good,
      organizations: { ...good.organizations, organizations: [{ ...org, items: org.items.map((item) => ({ ...item, timelimitaction: 'stop,now' })) }] },
    } as unknown as Scorm12Manifest;
    expect((await validateManifest('scorm12', writeScorm12Manifest(bad))).join('\n')).toMatch(/timelimitaction/);
  });

  it('SCORM 2004: minNormalizedMeasure out of -1..1 (imsss checked through the driver)', async () => {
    const good = scorm2004Manifest(model, web);
    const org = good.organizations.organizations[0]!;
    const item = org.items[0]!;
    const bad: Scorm2004Manifest = {
      ...good,
      organizations: {
        ...good.organizations,
        organizations: [{ ...org, items: [{ ...item, sequencing: { ...item.sequencing!, primaryObjective: { ...item.sequencing!.primaryObjective, minNormalizedMeasure: 1.5 } } }] }],
      },
    };
    expect((await validateManifest('scorm2004', writeScorm2004Manifest(bad))).join('\n')).toMatch(/minNormalizedMeasure/);
  });

  it('SCORM 2004: imsss:controlMode choice="yes" and a bad hideLMSUI', async () => {
    const xml = writeScorm2004Manifest(scorm2004Manifest(model, web));
    const controlMode = xml.replace('<imsss:objectives>', '<imsss:controlMode choice="yes"/>\n<imsss:objectives>');
    expect((await validateManifest('scorm2004', controlMode)).join('\n')).toMatch(/choice/);
    const hide = xml.replace(
      '</imsss:sequencing>',
      '</imsss:sequencing><adlnav:presentation><adlnav:navigationInterface><adlnav:hideLMSUI>menu</adlnav:hideLMSUI></adlnav:navigationInterface></adlnav:presentation>',
    );
    expect((await validateManifest('scorm2004', hide)).join('\n')).toMatch(/hideLMSUI/);
  });

  it('SCORM 2004: completionThreshold minProgressMeasure 1.5', async () => {
    const good = scorm2004Manifest(model, web);
    const org = good.organizations.organizations[0]!;
    const bad: Scorm2004Manifest = {
      ...good,
      organizations: { ...good.organizations, organizations: [{ ...org, items: org.items.map((item) => ({ ...item, completionThreshold: { completedByMeasure: true, minProgressMeasure: 1.5 } })) }] },
    };
    expect((await validateManifest('scorm2004', writeScorm2004Manifest(bad))).join('\n')).toMatch(/minProgressMeasure/);
    const fine: Scorm2004Manifest = {
      ...good,
      organizations: { ...good.organizations, organizations: [{ ...org, items: org.items.map((item) => ({ ...item, completionThreshold: { completedByMeasure: true, minProgressMeasure: 0.9 } })) }] },
    };
    expect(await validateManifest('scorm2004', writeScorm2004Manifest(fine))).toEqual([]);
  });

  it('cmi5: a moveOn outside the vocabulary and launchParameters before url', async () => {
    const good = cmi5Manifest(model, { layout: 'single' });
    const bad = { ...good, children: good.children.map((child) => ({ ...child, moveOn: 'Finished' })) } as unknown as Cmi5CourseStructure;
    expect((await validateManifest('cmi5', writeCmi5Manifest(bad))).join('\n')).toMatch(/moveOn/);
    const order = writeCmi5Manifest(good).replace('<url>', '<launchParameters>x</launchParameters>\n<url>');
    expect((await validateManifest('cmi5', order)).join('\n')).toMatch(/launchParameters|url/);
  });

  it('cmi5: masteryScore above 1', async () => {
    const good = cmi5Manifest(model, { layout: 'single' });
    const bad = { ...good, children: good.children.map((child) => ({ ...child, masteryScore: 80 })) } as unknown as Cmi5CourseStructure;
    expect((await validateManifest('cmi5', writeCmi5Manifest(bad))).join('\n')).toMatch(/masteryScore/);
  });
});
