import { describe, expect, it } from 'vitest';
import type { OutputFile } from '../../../scripts/bundle/bundle-course.js';
import { checkPackage, findingCode, type FindingCode } from '../../../scripts/package/check-package.js';
import { cmi5Manifest, writeCmi5Manifest, type Cmi5Au, type Cmi5CourseStructure } from '../../../scripts/package/cmi5-manifest.js';
import { packageEntries, packageTarget, PACKAGE_TARGETS } from '../../../scripts/package/package-target.js';
import { scorm12Manifest, writeScorm12Manifest } from '../../../scripts/package/scorm12-manifest.js';
import { scorm2004Manifest, writeScorm2004Manifest } from '../../../scripts/package/scorm2004-manifest.js';
import { decode, fakeWebFiles, makeModel, makePartsModel, text, unzip } from './package-helpers.js';

const model = makeModel();
const partsModel = makePartsModel();
const web = fakeWebFiles();

const codes = (entries: readonly OutputFile[]): FindingCode[] => checkPackage(entries).map(findingCode);
const replace = (entries: readonly OutputFile[], path: string, contents: string): OutputFile[] => entries.map((entry) => (entry.path === path ? { path, contents: text(contents) } : entry));
const without = (entries: readonly OutputFile[], path: string): OutputFile[] => entries.filter((entry) => entry.path !== path);
const manifestText = (entries: readonly OutputFile[], path: string): string => decode(entries.find((entry) => entry.path === path)!.contents);

describe('checkPackage on good packages', () => {
  it.each(PACKAGE_TARGETS)('%s: no findings, before and after zipping', async (target) => {
    expect(checkPackage(await packageEntries(target, model, web))).toEqual([]);
    expect(checkPackage(unzip((await packageTarget(target, model, web)).bytes))).toEqual([]);
  });

  it.each(['per-page', 'per-part'] as const)('cmi5 %s: no findings', async (layout) => {
    expect(checkPackage(await packageEntries('cmi5', partsModel, web, { cmi5Layout: layout }))).toEqual([]);
  });

  it('findings are strings that start with their code', async () => {
    const findings = checkPackage(without(await packageEntries('scorm12', model, web), 'index.html'));
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) expect(finding).toMatch(/^[a-z0-9-]+: \S/);
  });
});

describe('checkPackage finds planted problems: SCORM', () => {
  it('a file the manifest references is missing (resource href and <file>)', async () => {
    const entries = without(await packageEntries('scorm12', model, web), 'index.html');
    expect(codes(entries)).toEqual(['scorm-file-missing', 'scorm-file-missing']);
    expect(checkPackage(without(await packageEntries('scorm2004', model, web), 'media/assets/x.svg'))).toEqual([
      expect.stringMatching(/^scorm-file-missing: .*media\/assets\/x\.svg/),
    ]);
  });

  it('a file present only with different letter case', async () => {
    const entries = (await packageEntries('scorm12', model, web)).map((entry) => (entry.path === 'media/assets/x.svg' ? { ...entry, path: 'media/assets/X.svg' } : entry));
    expect(codes(entries)).toEqual(['scorm-file-case', 'scorm-file-unlisted']);
  });

  it('a packaged file no <file> lists', async () => {
    const entries = [...(await packageEntries('scorm2004', model, web)), { path: 'media/extra.png', contents: new Uint8Array([1]) }];
    expect(checkPackage(entries)).toEqual([expect.stringMatching(/^scorm-file-unlisted: media\/extra\.png/)]);
  });

  it('a wrong schemaversion, and a wrong schema', async () => {
    const entries12 = await packageEntries('scorm12', model, web);
    expect(codes(replace(entries12, 'imsmanifest.xml', manifestText(entries12, 'imsmanifest.xml').replace('<schemaversion>1.2<', '<schemaversion>1.3<')))).toEqual(['scorm-schemaversion']);
    const m2004 = scorm2004Manifest(model, web);
    const third = { ...m2004, metadata: { schema: 'ADL SCORM', schemaversion: '2004 3rd Edition' } } as const;
    const entries2004 = replace(await packageEntries('scorm2004', model, web), 'imsmanifest.xml', writeScorm2004Manifest(third));
    expect(codes(entries2004)).toEqual(['scorm-schemaversion']);
    expect(codes(replace(entries12, 'imsmanifest.xml', manifestText(entries12, 'imsmanifest.xml').replace('>ADL SCORM<', '>SCORM<')))).toEqual(['scorm-schema']);
  });

  it('scormtype spelled the other edition\'s way', async () => {
    const entries12 = await packageEntries('scorm12', model, web);
    expect(codes(replace(entries12, 'imsmanifest.xml', manifestText(entries12, 'imsmanifest.xml').replace('adlcp:scormtype=', 'adlcp:scormType=')))).toEqual(['scorm-scormtype-attribute']);
    const entries2004 = await packageEntries('scorm2004', model, web);
    expect(codes(replace(entries2004, 'imsmanifest.xml', manifestText(entries2004, 'imsmanifest.xml').replace('adlcp:scormType=', 'adlcp:scormtype=')))).toEqual(['scorm-scormtype-attribute']);
  });

  it('identifierref, default organization and dependency targets that do not exist', async () => {
    const good = scorm12Manifest(model, web);
    const org = good.organizations.organizations[0]!;
    const bad = {
      ...good,
      organizations: { default: 'ORG-nope', organizations: [{ ...org, items: org.items.map((item) => ({ ...item, identifierref: 'RES-nope' })) }] },
      resources: good.resources.map((resource) => ({ ...resource, dependencies: ['RES-shared'] })),
    };
    const entries = replace(await packageEntries('scorm12', model, web), 'imsmanifest.xml', writeScorm12Manifest(bad));
    expect(codes(entries).sort()).toEqual(['scorm-default-organization', 'scorm-identifierref-missing', 'scorm-identifierref-missing']);
  });

  it('identifiers that are not xs:ID, or repeated', async () => {
    const good = scorm12Manifest(model, web);
    const org = good.organizations.organizations[0]!;
    const bad = { ...good, identifier: '1 manifest', organizations: { ...good.organizations, organizations: [{ ...org, items: org.items.map((item) => ({ ...item, identifier: org.identifier })) }] } };
    const entries = replace(await packageEntries('scorm12', model, web), 'imsmanifest.xml', writeScorm12Manifest(bad));
    expect(codes(entries).sort()).toEqual(['scorm-identifier-duplicate', 'scorm-identifier-invalid']);
  });

  it('2004 item children out of CAM order', async () => {
    const entries = await packageEntries('scorm2004', model, web);
    // The item's title moves after imsss:sequencing; the organization's title stays.
    const itemMoved = manifestText(entries, 'imsmanifest.xml').replace(/(<item [^>]*>\s*)<title>Test course<\/title>(\s*)(<imsss:sequencing>[\s\S]*?<\/imsss:sequencing>)/, '$1$3$2<title>Test course</title>');
    expect(codes(replace(entries, 'imsmanifest.xml', itemMoved))).toEqual(['scorm-item-order']);
  });

  it('schema files missing from the root, and a leading "/" in an href', async () => {
    const entries = without(await packageEntries('scorm2004', model, web), 'imsss_v1p0util.xsd');
    expect(checkPackage(entries)).toEqual([expect.stringMatching(/^scorm-schema-file-missing: imsss_v1p0util\.xsd/)]);
    const entries12 = await packageEntries('scorm12', model, web);
    expect(codes(replace(entries12, 'imsmanifest.xml', manifestText(entries12, 'imsmanifest.xml').replace('<file href="index.html"/>', '<file href="/index.html"/>')))).toEqual(['scorm-href-invalid']);
  });
});

describe('checkPackage finds planted problems: cmi5 and TinCan', () => {
  const single = cmi5Manifest(model, { layout: 'single' });
  const au = single.children[0] as Cmi5Au;
  const withAus = async (aus: readonly Cmi5Au[]): Promise<OutputFile[]> => {
    const structure: Cmi5CourseStructure = { ...single, children: aus };
    return replace(await packageEntries('cmi5', model, web), 'cmi5.xml', writeCmi5Manifest(structure));
  };

  it('a duplicate AU id', async () => {
    expect(codes(await withAus([au, { ...au }]))).toEqual(['cmi5-id-duplicate']);
  });

  it('a relative AU id, and a course id equal to an AU id', async () => {
    expect(codes(await withAus([{ ...au, id: 'au1' }]))).toEqual(['cmi5-id-relative']);
    expect(codes(await withAus([{ ...au, id: '/courses/test/au' }]))).toEqual(['cmi5-id-relative']);
    expect(codes(await withAus([{ ...au, id: single.course.id }]))).toEqual(['cmi5-id-duplicate']);
  });

  it('a launch parameter name in the AU url query', async () => {
    expect(checkPackage(await withAus([{ ...au, url: 'index.html?endpoint=https://lrs.example' }]))).toEqual([expect.stringMatching(/^cmi5-url-reserved-parameter: .*"endpoint"/)]);
    expect(codes(await withAus([{ ...au, url: 'index.html?page=a&registration=x&activityId=y' }]))).toEqual(['cmi5-url-reserved-parameter', 'cmi5-url-reserved-parameter']);
    expect(codes(await withAus([{ ...au, url: 'index.html?page=a' }]))).toEqual([]);
  });

  it('an AU url naming a file that is not in the package', async () => {
    expect(codes(await withAus([{ ...au, url: 'start.html' }]))).toEqual(['cmi5-url-file-missing']);
    expect(codes(await withAus([{ ...au, url: 'https://cdn.example.org/course/index.html' }]))).toEqual([]);
  });

  it('a masteryScore with more than 4 decimals', async () => {
    const entries = await packageEntries('cmi5', model, web);
    expect(codes(replace(entries, 'cmi5.xml', manifestText(entries, 'cmi5.xml').replace('masteryScore="0.75"', 'masteryScore="0.123456"')))).toEqual(['cmi5-mastery-score']);
  });

  it('TinCan: no launch, a relative activity id, a missing launch file', async () => {
    const entries = await packageEntries('xapi', model, web);
    const xml = manifestText(entries, 'tincan.xml');
    expect(codes(replace(entries, 'tincan.xml', xml.replace(/\s*<launch[^>]*>index\.html<\/launch>/, '')))).toEqual(['tincan-launch']);
    expect(codes(replace(entries, 'tincan.xml', xml.replace('id="https://example.org/courses/test"', 'id="course"')))).toEqual(['tincan-id-relative']);
    expect(codes(without(entries, 'index.html'))).toEqual(['tincan-launch-file-missing']);
  });
});

describe('checkPackage: zip-level problems', () => {
  it('no manifest, or a manifest in a folder', async () => {
    expect(codes(web)).toEqual(['manifest-missing']);
    const nested = (await packageEntries('scorm12', model, web)).map((entry) => ({ ...entry, path: `course/${entry.path}` }));
    expect(codes(nested)).toEqual(['manifest-not-at-root']);
  });

  it('junk files, unsafe paths and case-only duplicates', async () => {
    const entries = await packageEntries('xapi', model, web);
    const planted = [...entries, { path: '.DS_Store', contents: new Uint8Array() }, { path: '../evil.js', contents: new Uint8Array() }, { path: 'Index.html', contents: new Uint8Array() }];
    expect(codes(planted)).toEqual(['junk-file', 'path-invalid', 'path-case-duplicate']);
  });

  it('unreadable XML is a finding, not an exception', async () => {
    const entries = await packageEntries('cmi5', model, web);
    expect(() => checkPackage(replace(entries, 'cmi5.xml', 'not xml at all'))).not.toThrow();
    expect(codes(replace(entries, 'cmi5.xml', 'not xml at all'))).toEqual(['xml-unreadable']);
    expect(codes([...without(entries, 'cmi5.xml'), { path: 'cmi5.xml', contents: new Uint8Array([0xff, 0xfe, 0x00]) }])).toEqual(['xml-unreadable']);
    expect(codes(replace(entries, 'cmi5.xml', '<?xml version="1.0"?><courseStructure/>'))).toEqual(['cmi5-namespace']);
  });
});

describe('checkPackage: a DOCTYPE in a manifest', () => {
  it('is an error, with or without entities (XXE, billion laughs), and the entities are never expanded', async () => {
    const entries = await packageEntries('scorm12', model, web);
    const xml = manifestText(entries, 'imsmanifest.xml');
    const laughs = '<!DOCTYPE manifest [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY xxe SYSTEM "file:///etc/passwd">]>';
    const withEntities = checkPackage(replace(entries, 'imsmanifest.xml', xml.replace(/<manifest\b/, `${laughs}\n<manifest`)));
    expect(withEntities[0]).toMatch(/^xml-doctype: imsmanifest\.xml: has a DOCTYPE declaration that declares entities\. .*Remove the <!DOCTYPE \.\.\.> declaration\.$/);
    expect(withEntities.join('\n')).not.toContain('root:');
    const plain = checkPackage(replace(entries, 'imsmanifest.xml', xml.replace(/<manifest\b/, '<!DOCTYPE manifest>\n<manifest')));
    expect(plain.map(findingCode)).toEqual(['xml-doctype']);
    expect(plain[0]).toContain('has a DOCTYPE declaration. ');
    const cmi5 = await packageEntries('cmi5', model, web);
    expect(codes(replace(cmi5, 'cmi5.xml', manifestText(cmi5, 'cmi5.xml').replace(/<courseStructure\b/, '<!-- <!DOCTYPE x> in a comment is fine -->\n<courseStructure')))).toEqual([]);
  });
});
