import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { auUrl, CMI5_LAUNCH_PARAMETERS, cmi5Manifest, writeCmi5Manifest, type Cmi5Au, type Cmi5Block } from '../../../scripts/package/cmi5-manifest.js';
import { packageEntries, packageFileName, packageTarget } from '../../../scripts/package/package-target.js';
import { SCORM12_SCHEMA_FILES, SCORM2004_SCHEMA_FILES } from '../../../scripts/package/schema-files.js';
import { scorm12Manifest, writeScorm12Manifest } from '../../../scripts/package/scorm12-manifest.js';
import { scorm2004Manifest, writeScorm2004Manifest } from '../../../scripts/package/scorm2004-manifest.js';
import { tincanManifest, writeTincanManifest } from '../../../scripts/package/tincan-manifest.js';
import { decimalText } from '../../../scripts/package/manifest-common.js';
import { parseXml } from '../../../scripts/package/xml-dom.js';
import { isNcName, toXmlId } from '../../../scripts/package/xml-id.js';
import { baseConfig } from '../helpers/course-from-strings.js';
import { decode, fakeWebFiles, makeModel, makePartsModel, readZip } from './package-helpers.js';

const model = makeModel();
const partsModel = makePartsModel();
const web = fakeWebFiles();

describe('SCORM 1.2 manifest', () => {
  // passed-failed is the one status mode whose manifest carries the mastery score (see below).
  const manifest = scorm12Manifest(makeModel({ 'course.yaml': `${baseConfig}description: A course for the packaging tests.\nmastery: 0.75\nscorm12:\n  status: passed-failed\n` }), web);
  const xml = writeScorm12Manifest(manifest);

  it('has the ADL metadata, one organization, one item and one SCO listing every web file (M1-M8)', () => {
    expect(manifest.metadata).toEqual({ schema: 'ADL SCORM', schemaversion: '1.2' });
    expect(manifest.organizations.organizations).toHaveLength(1);
    const org = manifest.organizations.organizations[0]!;
    expect(manifest.organizations.default).toBe(org.identifier);
    expect(org.items).toHaveLength(1);
    const item = org.items[0]!;
    expect(item.masteryscore).toBe(75);
    expect(item.identifierref).toBe(manifest.resources[0]!.identifier);
    expect(manifest.resources).toEqual([expect.objectContaining({ type: 'webcontent', scormtype: 'sco', href: 'index.html', files: ['assets/player-abc.js', 'index.html', 'media/assets/x.svg'] })]);
    for (const id of [manifest.identifier, org.identifier, item.identifier, manifest.resources[0]!.identifier]) expect(isNcName(id)).toBe(true);
  });

  it('leaves the mastery score out in the other status modes, so an LMS cannot rewrite their status at LMSFinish', () => {
    for (const status of ['completed-incomplete', 'completed-failed', 'passed-incomplete']) {
      const other = scorm12Manifest(makeModel({ 'course.yaml': `${baseConfig}mastery: 0.75\nscorm12:\n  status: ${status}\n` }), web);
      expect(other.organizations.organizations[0]?.items[0]?.masteryscore, status).toBeUndefined();
      expect(writeScorm12Manifest(other)).not.toContain('masteryscore');
    }
    expect(scorm12Manifest(model, web).organizations.organizations[0]?.items[0]?.masteryscore).toBeUndefined();
  });

  it('serialises with the exact namespaces, lowercase scormtype and the mastery score', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<manifest xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"')).toBe(true);
    expect(xml).toContain(
      'xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd"',
    );
    expect(xml).toContain('adlcp:scormtype="sco"');
    expect(xml).not.toContain('scormType');
    expect(xml).toContain('<adlcp:masteryscore>75</adlcp:masteryscore>');
    expect(xml).not.toContain('\r');
  });
});

describe('SCORM 2004 4th Edition manifest', () => {
  const manifest = scorm2004Manifest(model, web);
  const xml = writeScorm2004Manifest(manifest);

  it('says 2004 4th Edition and sequences the SCO at the course mastery (N1, N6, N9)', () => {
    expect(manifest.metadata.schemaversion).toBe('2004 4th Edition');
    const item = manifest.organizations.organizations[0]!.items[0]!;
    expect(item.sequencing).toEqual({
      primaryObjective: { objectiveID: 'PRIMARYOBJ', satisfiedByMeasure: true, minNormalizedMeasure: 0.75 },
      deliveryControls: { completionSetByContent: true, objectiveSetByContent: true },
    });
    expect(manifest.resources[0]).toEqual(expect.objectContaining({ scormType: 'sco', href: 'index.html', files: ['assets/player-abc.js', 'index.html', 'media/assets/x.svg'] }));
  });

  it('serialises camelCase scormType, the 4th Edition namespaces and the sequencing', () => {
    for (const ns of ['imscp_v1p1', 'adlcp_v1p3', 'adlseq_v1p3', 'adlnav_v1p3', 'imsss']) expect(xml).toContain(ns);
    expect(xml).toContain('adlcp:scormType="sco"');
    expect(xml).not.toContain('scormtype');
    expect(xml).toContain('<imsss:primaryObjective objectiveID="PRIMARYOBJ" satisfiedByMeasure="true">');
    expect(xml).toContain('<imsss:minNormalizedMeasure>0.75</imsss:minNormalizedMeasure>');
    expect(xml).toContain('<imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>');
    expect(xml.indexOf('<title>Test course</title>', xml.indexOf('<item '))).toBeLessThan(xml.indexOf('<imsss:sequencing>'));
  });
});

describe('cmi5 course structure', () => {
  it('single: one AU <course id>/au launching index.html, moving on when completed and passed', () => {
    const structure = cmi5Manifest(model, { layout: 'single' });
    expect(structure.course).toEqual({ id: 'https://example.org/courses/test', title: { en: 'Test course' }, description: { en: 'A course for the packaging tests.' } });
    expect(structure.children).toEqual([
      expect.objectContaining({ kind: 'au', id: 'https://example.org/courses/test/au', url: 'index.html', moveOn: 'CompletedAndPassed', masteryScore: 0.75, launchMethod: 'AnyWindow' }),
    ]);
    const xml = writeCmi5Manifest(structure);
    expect(xml).toContain('<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">');
    expect(xml).toContain('<au id="https://example.org/courses/test/au" moveOn="CompletedAndPassed" masteryScore="0.75" launchMethod="AnyWindow">');
    expect(xml).toContain('<langstring lang="en">Test course</langstring>');
  });

  it('per-page without parts: one AU per page, launching index.html?au=<page id>', () => {
    const structure = cmi5Manifest(model, { layout: 'per-page' });
    const aus = structure.children as readonly Cmi5Au[];
    expect(aus.map((au) => [au.kind, au.id, au.url])).toEqual([
      ['au', 'https://example.org/courses/test/pages/a/au', 'index.html?au=a'],
      ['au', 'https://example.org/courses/test/pages/b/au', 'index.html?au=b'],
    ]);
    expect(aus[1]!.title).toEqual({ en: 'B & more' });
    // Page a has no questions: it can only be completed, so it carries no masteryScore.
    expect(aus.map((au) => [au.moveOn, au.masteryScore])).toEqual([['Completed', undefined], ['CompletedAndPassed', 0.75]]);
  });

  it('per-page with parts: the page AUs in a block per part', () => {
    const blocks = cmi5Manifest(partsModel, { layout: 'per-page' }).children as readonly Cmi5Block[];
    expect(blocks.map((block) => [block.kind, block.id, block.title])).toEqual([
      ['block', 'https://example.org/courses/test/parts/reading', { en: 'Reading' }],
      ['block', 'https://example.org/courses/test/parts/check-yourself', { en: 'Check yourself' }],
    ]);
    expect(blocks.map((block) => block.children.map((au) => (au as Cmi5Au).url))).toEqual([['index.html?au=a', 'index.html?au=c'], ['index.html?au=b']]);
  });

  it('per-part: one AU per part, scored only where the part has questions', () => {
    const aus = cmi5Manifest(partsModel, { layout: 'per-part' }).children as readonly Cmi5Au[];
    expect(aus.map((au) => [au.id, au.url, au.moveOn, au.masteryScore])).toEqual([
      ['https://example.org/courses/test/parts/reading/au', 'index.html?au=reading', 'Completed', undefined],
      ['https://example.org/courses/test/parts/check-yourself/au', 'index.html?au=check-yourself', 'CompletedAndPassed', 0.75],
    ]);
  });

  it('AU urls never use cmi5 launch parameter names, and encode page ids', () => {
    expect(CMI5_LAUNCH_PARAMETERS).toEqual(['endpoint', 'fetch', 'actor', 'registration', 'activityId']);
    const url = auUrl('a b&c=d');
    expect(url).toBe('index.html?au=a+b%26c%3Dd');
    expect([...new URLSearchParams(url.slice(url.indexOf('?'))).keys()]).toEqual(['au']);
  });
});

describe('TinCan manifest', () => {
  it('declares the course activity with its launch file', () => {
    const xml = writeTincanManifest(tincanManifest(model));
    const parsed = parseXml(xml);
    if ('error' in parsed) throw new Error(parsed.error);
    expect(parsed.root.namespaceURI).toBe('http://projecttincan.com/tincan.xsd');
    const activity = parsed.root.getElementsByTagNameNS('http://projecttincan.com/tincan.xsd', 'activity')[0]!;
    expect(activity.getAttribute('id')).toBe('https://example.org/courses/test');
    expect(activity.getAttribute('type')).toBe('http://adlnet.gov/expapi/activities/course');
    expect(xml).toContain('<name lang="en">Test course</name>');
    expect(xml).toContain('<launch lang="en">index.html</launch>');
  });
});

describe('escaping: titles with markup characters survive a round trip', () => {
  it('writes & < > " as entities and reads them back unchanged', () => {
    const odd = makeModel({ 'course.yaml': 'id: https://example.org/courses/odd\ntitle: "A <b> & \\"c\\" > d"\nlanguage: en\nversion: "1"\n' });
    const xml = writeScorm12Manifest(scorm12Manifest(odd, web));
    expect(xml).toContain('A &lt;b&gt; &amp; &quot;c&quot; &gt; d');
    const parsed = parseXml(xml);
    if ('error' in parsed) throw new Error(parsed.error);
    expect(parsed.root.getElementsByTagNameNS('http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'title')[0]!.textContent).toBe('A <b> & "c" > d');
  });

  it('escapes every &, also before text that looks like an entity, so the manifest stays well-formed', () => {
    const title = 'Fish &amp; chips, R&D;';
    const odd = makeModel({ 'course.yaml': `id: https://example.org/courses/odd\ntitle: "${title}"\nlanguage: en\nversion: "1"\n` });
    for (const xml of [writeScorm12Manifest(scorm12Manifest(odd, web)), writeScorm2004Manifest(scorm2004Manifest(odd, web)), writeTincanManifest(tincanManifest(odd))]) {
      const parsed = parseXml(xml);
      if ('error' in parsed) throw new Error(parsed.error);
      expect(xml).toContain('Fish &amp;amp; chips, R&amp;D;');
      expect(parsed.root.textContent).toContain(title);
    }
  });
});

describe('decimalText (xs:decimal: no exponent, no float noise)', () => {
  it.each([
    [0.7000000000000001, 7, '0.7'],
    [1e-7, 7, '0.0000001'],
    [1, 4, '1'],
    [10, 2, '10'],
    [0.66666, 4, '0.6667'],
    [0, 4, '0'],
  ] as const)('%s with %s places -> %s', (value, places, expected) => {
    expect(decimalText(value, places)).toBe(expected);
  });
});

describe('toXmlId', () => {
  it('gives NCNames, deterministic and distinct for distinct inputs', () => {
    const inputs = ['https://example.org/courses/test', 'https://example.org/courses/test/', 'a b', 'a/b', 'a-b', '1st', 'Ünïcödé', '', '---', 'x:y', '.hidden'];
    const ids = inputs.map((input) => toXmlId(input));
    for (const id of ids) expect(isNcName(id)).toBe(true);
    expect(new Set(ids).size).toBe(inputs.length);
    expect(inputs.map((input) => toXmlId(input))).toEqual(ids);
    expect(toXmlId('a-b')).toBe('a-b');
    expect(toXmlId('ITEM_1.2')).toBe('ITEM_1.2');
    expect(toXmlId('x', 'RES-')).toBe('RES-x');
  });
});

describe('package file names and contents', () => {
  it('<course-slug>-<version>-<target>.zip, ASCII only', () => {
    expect(packageFileName(model, 'scorm12')).toBe('test-course-1.0.0-scorm12.zip');
    expect(packageFileName(model, 'xapi')).toBe('test-course-1.0.0-xapi.zip');
    const odd = makeModel({ 'course.yaml': 'id: https://example.org/courses/odd\ntitle: "Éthique & IA: l\'été"\nlanguage: fr\nversion: "2.0 beta/1"\n' });
    expect(packageFileName(odd, 'cmi5')).toBe('ethique-ia-l-ete-2.0-beta-1-cmi5.zip');
    const symbols = makeModel({ 'course.yaml': 'id: https://example.org/courses/s\ntitle: "日本語"\nlanguage: ja\nversion: "1"\n' });
    expect(packageFileName(symbols, 'scorm2004')).toBe('course-1-scorm2004.zip');
  });

  it('SCORM packages carry exact copies of their schema files at the root', async () => {
    for (const [target, folder, names] of [
      ['scorm12', 'scorm12', SCORM12_SCHEMA_FILES],
      ['scorm2004', 'scorm2004-4th', SCORM2004_SCHEMA_FILES],
    ] as const) {
      const zip = readZip((await packageTarget(target, model, web)).bytes);
      for (const name of names) {
        const shipped = zip.entries.find((entry) => entry.name === name);
        expect(shipped, name).toBeDefined();
        const original = await readFile(new URL(`../../../schemas/${folder}/${name}`, import.meta.url));
        expect(Buffer.from(shipped!.data).equals(original), name).toBe(true);
      }
    }
  });

  it('cmi5 and xAPI packages hold only the web build and their manifest', async () => {
    expect((await packageEntries('cmi5', model, web)).map((entry) => entry.path).sort()).toEqual(['assets/player-abc.js', 'cmi5.xml', 'index.html', 'media/assets/x.svg']);
    const entries = await packageEntries('xapi', model, web);
    expect(entries.map((entry) => entry.path).sort()).toEqual(['assets/player-abc.js', 'index.html', 'media/assets/x.svg', 'tincan.xml']);
    expect(decode(entries.find((entry) => entry.path === 'tincan.xml')!.contents)).toContain('tincan');
  });
});
