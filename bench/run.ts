/**
 * `npm run bench`: builds synthetic and sample courses, measures build time, memory, package and
 * JavaScript weight and paint times, prints each budget with its figure, and writes results.json.
 * Figures on a shared 2-core machine are noisy: medians and min-max over several runs.
 */
import { execFileSync } from 'node:child_process';
import { appendFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { launchBrowser } from '../test/browser/helpers/browser.js';
import { serveDirectory } from '../test/browser/helpers/server.js';
import { startScormLms } from '../test/support/scorm-lms.js';
import { unzip } from '../test/unit/package/package-helpers.js';
import { generateCourse, generateLargePage } from './generate-course.js';
import { buildOnce, checkOnce, summarize, type BuildRun, type Summary } from './measure-build.js';
import { lighthouseTargets, measureLighthouse } from './measure-lighthouse.js';
import { paintInFrame, paintTopLevel, type Paint } from './measure-paint.js';
import { measurePreviewUpdates } from './measure-preview.js';
import { measureVerify } from './measure-verify.js';
import { measureWeight, type Weight } from './measure-weight.js';

const root = join(import.meta.dirname, '..');
const work = join(import.meta.dirname, '.work');
const quick = process.argv.includes('--quick');
const runs = (count: number) => (quick ? 1 : count);
const KiB = 1024;

interface Budget {
  readonly name: string;
  readonly limit: string;
  readonly figure: string;
  readonly pass: boolean | undefined;
}

/** Cold builds: no cache from an earlier run (the one-section edit below measures the warm rebuild). */
async function builds(course: string, out: string, count: number): Promise<BuildRun[]> {
  const all: BuildRun[] = [];
  for (let index = 0; index < count; index += 1) all.push(await buildOnce(course, out, ['--no-cache']));
  return all;
}

const ms = (value: number) => `${Math.round(value)} ms`;
const range = (summary: Summary, format: (value: number) => string) => `${format(summary.median)} (${format(summary.min)}-${format(summary.max)})`;
const stagesOf = (all: readonly BuildRun[]) => Object.fromEntries(Object.keys(all[0]?.stagesMs ?? {}).map((stage) => [stage, summarize(all.map((run) => run.stagesMs[stage] ?? 0)).median]));

async function unpack(zip: string, folder: string): Promise<void> {
  for (const entry of unzip(new Uint8Array(await readFile(zip)))) {
    const path = join(folder, ...entry.path.split('/'));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, entry.contents);
  }
}

async function folderBytes(folder: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(folder, { recursive: true })) {
    const info = await stat(join(folder, name));
    if (info.isFile()) total += info.size;
  }
  return total;
}

async function main(): Promise<void> {
  // Measure the CLI as installed (compiled), not the TypeScript fallback a stale lib/ would trigger.
  execFileSync(process.execPath, [join(root, 'bin', 'compile-cli.mjs')], { cwd: root, stdio: 'inherit' });
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  const courses = { one: join(work, 'course-1'), fifty: join(work, 'course-50'), big: join(work, 'course-500'), text: join(work, 'course-500-text') };
  await generateCourse(courses.one, { sections: 1, seed: 1 });
  await generateCourse(courses.fifty, { sections: 50, seed: 50 });
  await generateCourse(courses.big, { sections: 500, seed: 500 });
  await generateCourse(courses.text, { sections: 500, seed: 500, images: false });
  const sample = join(root, 'course');
  // A branded course: logo, brand colours, a shipped font (preloaded) and a cover page.
  const brand = join(root, 'test', 'fixtures', 'brand-course');
  const out = (name: string) => join(work, `out-${name}`);

  process.stdout.write('building...\n');
  const sampleRuns = await builds(sample, out('sample'), runs(5));
  const oneRuns = await builds(courses.one, out('one'), runs(5));
  const fiftyRuns = await builds(courses.fifty, out('fifty'), runs(3));
  const bigRuns = await builds(courses.big, out('big'), runs(3));
  const textRun = await buildOnce(courses.text, out('text'), ['--no-cache']);
  void textRun;
  await buildOnce(brand, out('brand'), ['--no-cache', '--target', 'web']);

  process.stdout.write('rebuilding after an edit...\n');
  const edited = join(courses.big, 'sections', 's250-section.md');
  const original = await readFile(edited, 'utf8');
  const editRuns: BuildRun[] = [];
  // Warm: the cache (<out>/.coursemark-cache) is filled by one build, then each edit rebuilds with it.
  await buildOnce(courses.big, out('big'));
  for (let index = 0; index < runs(3); index += 1) {
    await appendFile(edited, `\nAn edit, number ${index}.\n`);
    editRuns.push(await buildOnce(courses.big, out('big')));
  }
  await writeFile(edited, original);

  process.stdout.write('editing in the preview...\n');
  const previewRun = await measurePreviewUpdates(courses.big, 'sections/s250-section.md', runs(5));
  const previewUpdates = summarize(previewRun.updatesMs);

  process.stdout.write('checking large pages...\n');
  // Parser scaling on one document (issue "Hardening" B2): check time per page size; linear = 8x.
  const scaling: Record<string, number> = {};
  for (const kib of [60, 120, 240, 480]) {
    const folder = join(work, `large-${kib}`);
    await generateLargePage(folder, kib, kib);
    const times: number[] = [];
    for (let index = 0; index < runs(3); index += 1) times.push((await checkOnce(folder)).stagesMs.check ?? 0);
    scaling[`${kib} KiB`] = summarize(times).median;
  }

  const wall = (all: readonly BuildRun[]) => summarize(all.map((run) => run.wallMs));
  const rss = (all: readonly BuildRun[]) => summarize(all.map((run) => run.maxRssKiB / 1024));
  const zipOf = async (name: string, target: string) => (await readdir(out(name))).find((file) => file.endsWith(`-${target}.zip`)) ?? '';

  process.stdout.write('weighing...\n');
  const targets = ['scorm12', 'scorm2004', 'cmi5', 'xapi'] as const;
  const zips: Record<string, number> = {};
  const weights: Record<string, Weight> = { web: await measureWeight(join(out('sample'), 'web')), 'branded web': await measureWeight(join(out('brand'), 'web')) };
  for (const target of targets) {
    const file = join(out('sample'), await zipOf('sample', target));
    zips[`sample ${target}`] = (await stat(file)).size;
    await unpack(file, join(work, `unpacked-${target}`));
    weights[target] = await measureWeight(join(work, `unpacked-${target}`));
    zips[`500 text ${target}`] = (await stat(join(out('text'), await zipOf('text', target)))).size;
  }
  const sampleMedia = await folderBytes(join(sample, 'assets'));

  process.stdout.write('verifying...\n');
  const verifyRuns = await measureVerify(join(out('sample'), await zipOf('sample', 'scorm12')), runs(5));
  const verify = summarize(verifyRuns);

  process.stdout.write('painting...\n');
  const browser = await launchBrowser();
  const paints: Record<string, { fcp: Summary; lcp: Summary }> = {};
  try {
    const brandServer = await serveDirectory(join(out('brand'), 'web'));
    const brandPaints: Paint[] = [];
    for (let index = 0; index < runs(5); index += 1) brandPaints.push(await paintTopLevel(browser, `${brandServer.url}index.html`));
    await brandServer.close();
    paints['branded cover top-level'] = { fcp: summarize(brandPaints.map((paint) => paint.fcpMs)), lcp: summarize(brandPaints.map((paint) => paint.lcpMs)) };
    for (const [name, folder] of [['sample', out('sample')], ['500', out('big')]] as const) {
      const server = await serveDirectory(join(folder, 'web'));
      const top: Paint[] = [];
      for (let index = 0; index < runs(5); index += 1) top.push(await paintTopLevel(browser, `${server.url}index.html`));
      await server.close();
      paints[`${name} top-level`] = { fcp: summarize(top.map((paint) => paint.fcpMs)), lcp: summarize(top.map((paint) => paint.lcpMs)) };
      const lms = await startScormLms(new Uint8Array(await readFile(join(folder, await zipOf(name === 'sample' ? 'sample' : 'big', 'scorm12')))), '1.2');
      const framed: Paint[] = [];
      for (let index = 0; index < runs(5); index += 1) {
        const page = await lms.launch(browser);
        framed.push(await paintInFrame(page));
        await page.context().close();
      }
      await lms.close();
      paints[`${name} in LMS iframe`] = { fcp: summarize(framed.map((paint) => paint.fcpMs)), lcp: summarize(framed.map((paint) => paint.lcpMs)) };
    }
  } finally {
    await browser.close();
  }

  process.stdout.write('lighthouse (mobile, simulated throttling)...\n');
  const lighthouse = await measureLighthouse(join(out('sample'), 'web'), await lighthouseTargets(sample), runs(3), work);
  for (const [name, page] of Object.entries(lighthouse.pages)) {
    process.stdout.write(`  ${name} (${page.url}): LCP element ${page.lcpElement?.snippet ?? '?'} "${page.lcpElement?.nodeLabel ?? ''}"\n`);
  }

  const ratio = wall(bigRuns).median / wall(fiftyRuns).median;
  const budgets: Budget[] = [
    { name: 'sample course, all targets (whole process)', limit: '<= 1000 ms', figure: range(wall(sampleRuns), ms), pass: wall(sampleRuns).median <= 1000 },
    { name: '500 sections, all targets', limit: '<= 3500 ms', figure: range(wall(bigRuns), ms), pass: wall(bigRuns).median <= 3500 },
    { name: '500 sections, peak RSS', limit: '<= 512 MiB', figure: range(rss(bigRuns), (v) => `${Math.round(v)} MiB`), pass: rss(bigRuns).median <= 512 },
    { name: 'time(500) / time(50)', limit: '<= 12', figure: ratio.toFixed(1), pass: ratio <= 12 },
    { name: 'one-section edit, CLI rebuild (500)', limit: '<= 800 ms', figure: range(wall(editRuns), ms), pass: wall(editRuns).median <= 800 },
    { name: 'one-section edit, preview update (500)', limit: '<= 300 ms', figure: range(previewUpdates, ms), pass: previewUpdates.median <= 300 },
    { name: 'coursemark verify, sample scorm12', limit: '<= 6000 ms', figure: range(verify, ms), pass: verify.median <= 6000 },
    ...(['web', 'branded web', ...targets] as const).map((target): Budget => {
      // SCORM keeps room for what is still to come to the shell; cmi5 and xAPI carry their LRS client.
      const limit = target === 'cmi5' || target === 'xapi' ? 25 : target === 'scorm12' || target === 'scorm2004' ? 14 : 15;
      const weight = weights[target];
      return { name: `JS before first paint, ${target} (gzip)`, limit: `<= ${limit} KiB`, figure: `${((weight?.beforePaint.gzip ?? 0) / KiB).toFixed(1)} KiB (total ${((weight?.total.gzip ?? 0) / KiB).toFixed(1)} KiB)`, pass: (weight?.beforePaint.gzip ?? Infinity) <= limit * KiB };
    }),
    ...Object.entries(paints).flatMap(([name, paint]): Budget[] =>
      name.includes('iframe')
        ? [
            { name: `FCP ${name}`, limit: '<= 200 ms', figure: range(paint.fcp, ms), pass: paint.fcp.median <= 200 },
            { name: `LCP ${name}`, limit: '<= 250 ms', figure: range(paint.lcp, ms), pass: paint.lcp.median <= 250 },
          ]
        : [{ name: `FCP / LCP ${name}`, limit: '(reference)', figure: `${range(paint.fcp, ms)} / ${range(paint.lcp, ms)}`, pass: undefined }],
    ),
    // Lighthouse prints its score 0-100 (the LHR keeps 0..1); LCP under its simulated slow 4G and 4x CPU slowdown.
    ...Object.entries(lighthouse.pages).map(([name, page]): Budget => ({ name: `Lighthouse mobile performance, ${name}`, limit: '>= 100', figure: range(page.score, String), pass: page.score.median >= 100 })),
    ...Object.entries(lighthouse.pages).map(([name, page]): Budget => ({ name: `Lighthouse mobile LCP, ${name}`, limit: '<= 1200 ms', figure: range(page.lcpMs, ms), pass: page.lcpMs.median <= 1200 })),
    ...Object.entries(lighthouse.pages).map(([name, page]): Budget => ({ name: `Lighthouse mobile FCP / TBT / CLS, ${name}`, limit: '(reference)', figure: `${ms(page.fcpMs.median)} / ${ms(page.tbtMs.median)} / ${page.cls.median.toFixed(3)}`, pass: undefined })),
    ...targets.map((target): Budget => ({ name: `zip, sample ${target}`, limit: `<= 150 KiB + media (${(sampleMedia / KiB).toFixed(1)} KiB)`, figure: `${((zips[`sample ${target}`] ?? 0) / KiB).toFixed(1)} KiB`, pass: (zips[`sample ${target}`] ?? Infinity) <= 150 * KiB + sampleMedia })),
    {
      name: 'check time of one page, 480 KiB / 60 KiB',
      limit: '(near-linear: 8)',
      figure: `${((scaling['480 KiB'] ?? 0) / (scaling['60 KiB'] || 1)).toFixed(1)} (${Object.entries(scaling).map(([size, value]) => `${size} ${Math.round(value)} ms`).join(', ')})`,
      pass: undefined,
    },
    ...targets.map((target): Budget => ({ name: `zip, 500 text-only ${target}`, limit: '<= 1843 KiB', figure: `${((zips[`500 text ${target}`] ?? 0) / KiB).toFixed(1)} KiB`, pass: (zips[`500 text ${target}`] ?? Infinity) <= 1.8 * 1024 * KiB })),
  ];

  const stageTable = { sample: stagesOf(sampleRuns), one: stagesOf(oneRuns), fifty: stagesOf(fiftyRuns), big: stagesOf(bigRuns) };
  const width = Math.max(...budgets.map((budget) => budget.name.length));
  const lines = budgets.map((budget) => `${budget.pass === undefined ? '  -  ' : budget.pass ? ' PASS' : ' FAIL'}  ${budget.name.padEnd(width)}  ${budget.figure.padEnd(34)}  ${budget.limit}`);
  process.stdout.write(`\n${lines.join('\n')}\n\nmedian time per stage (ms):\n`);
  for (const [name, stages] of Object.entries(stageTable)) {
    process.stdout.write(`  ${name.padEnd(7)} ${Object.entries(stages).map(([stage, value]) => `${stage} ${Math.round(value)}`).join(', ')}\n`);
  }
  const results = {
    machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
    quick,
    builds: { sample: sampleRuns, one: oneRuns, fifty: fiftyRuns, big: bigRuns, edit: editRuns },
    preview: previewRun,
    verify: verifyRuns,
    stages: stageTable,
    zips,
    parserScalingMs: scaling,
    sampleMediaBytes: sampleMedia,
    weights,
    paints,
    lighthouse,
    budgets,
  };
  await writeFile(join(import.meta.dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`\nwrote bench/results.json\n`);
}

await main();
