import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../scripts/cli/main.js';
import { zipPackage } from '../../../scripts/package/index.js';
import { launchInfo } from '../../../scripts/verify/launch-info.js';
import { unzip } from '../package/package-helpers.js';
import { verifyPackage } from '../../../scripts/verify/verify-package.js';

const text = (value: string): Uint8Array => new TextEncoder().encode(value);

async function run(...args: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await main(args, { out: () => undefined, err: (chunk) => (err += chunk), color: false });
  return { code, err };
}

let browsersAsked = 0;
const noBrowser = (): Promise<never> => {
  browsersAsked += 1;
  return Promise.reject(new Error('no browser in unit tests'));
};

describe('coursemark verify (without a browser)', () => {
  it('exits 2 on usage mistakes', async () => {
    expect((await run('verify')).code).toBe(2);
    expect((await run('verify', 'a.zip', '--answers', 'maybe')).err).toContain('--answers must be correct, wrong or first');
    expect((await run('verify', join(import.meta.dirname, 'missing.zip'))).err).toContain('no package file');
    expect((await run('check', '.', '--resume')).err).toContain('belong to "verify"');
  });

  it('reads the kind and launch details of each manifest', async () => {
    const scorm = unzip(await zipPackage([{ path: 'imsmanifest.xml', contents: text('<manifest><metadata><schemaversion>1.2</schemaversion></metadata><adlcp:masteryscore>80</adlcp:masteryscore><resource adlcp:scormtype="sco" href="start.html?x=1&amp;y=2"/></manifest>') }]));
    expect(launchInfo(scorm)).toMatchObject({ kind: 'scorm12', href: 'start.html?x=1&y=2', mastery: 80 });
    const cmi5 = [{ path: 'cmi5.xml', contents: text('<courseStructure><au id="urn:x:au" moveOn="Passed" masteryScore="0.5"><url>index.html</url></au></courseStructure>') }];
    expect(launchInfo(cmi5)).toMatchObject({ kind: 'cmi5', href: 'index.html', activityId: 'urn:x:au', mastery: 0.5, moveOn: 'Passed' });
    const tincan = [{ path: 'tincan.xml', contents: text('<tincan><activities><activity id="urn:x" type="t"><launch lang="en">a/b.html</launch></activity></activities></tincan>') }];
    expect(launchInfo(tincan)).toMatchObject({ kind: 'xapi', href: 'a/b.html', activityId: 'urn:x' });
  });

  it('reports a file that is not a zip, or a zip with no manifest, without launching anything', async () => {
    const options = { name: 'x.zip', answers: 'correct', resume: false } as const;
    expect((await verifyPackage(text('not a zip'), options, noBrowser)).findings[0]).toMatch(/cannot be opened as a zip/);
    const report = await verifyPackage(await zipPackage([{ path: 'index.html', contents: text('<!doctype html>') }]), options, noBrowser);
    expect(report.manifest[0]).toMatch(/^manifest-missing/);
    expect(report.findings[0]).toMatch(/not an LMS package/);
    expect(browsersAsked).toBe(0);
  });

  it('starts the browser while a large package with a manifest unpacks, not before a small one is unpacked and launchable', async () => {
    const manifest = { path: 'imsmanifest.xml', contents: text('<manifest><metadata><schemaversion>1.2</schemaversion></metadata><resources><resource adlcp:scormtype="sco" href="index.html"/></resources></manifest>') };
    const options = { name: 'x.zip', answers: 'correct', resume: false } as const;
    const missing = 'The launch file "index.html" named in the manifest is not in the package: the LMS would show an error instead of the course.';
    browsersAsked = 0;
    expect((await verifyPackage(await zipPackage([manifest]), options, noBrowser)).findings).toEqual([missing]);
    expect(browsersAsked).toBe(0);
    // 16 MiB that does not compress (a video, say): the browser is asked for as soon as the directory is read.
    const video = { path: 'media/video.mp4', contents: randomBytes(16 * 1024 * 1024) };
    expect((await verifyPackage(await zipPackage([manifest, video]), options, noBrowser)).findings).toEqual([missing]);
    expect(browsersAsked).toBe(1);
  });
});
