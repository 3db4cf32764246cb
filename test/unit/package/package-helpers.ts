import { readdir, readFile } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';
import type { OutputFile } from '../../../scripts/bundle/bundle-course.js';
import type { CourseModel } from '../../../scripts/model/course-model.js';
import { checkCourse } from '../../../scripts/pipeline.js';
import { baseConfig, courseFromStrings } from '../helpers/course-from-strings.js';

const encoder = new TextEncoder();
export const text = (value: string): Uint8Array => encoder.encode(value);
export const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

/** A course model built from strings, without rendering or bundling. */
export function makeModel(files: Readonly<Record<string, string>> = {}): CourseModel {
  const { model, files: vfiles } = checkCourse(
    courseFromStrings({
      'course.yaml': `${baseConfig}description: A course for the packaging tests.\nmastery: 0.75\n`,
      'sections/01-a.md': '---\ntitle: A\n---\n\nText.\n',
      'sections/02-b.md': '---\ntitle: B & more\n---\n\nText.\n\n:::question{#q type=true-false answer=true}\nTrue?\n:::\n',
      ...files,
    }),
  );
  if (!model) throw new Error(`The test course has errors: ${vfiles.flatMap((file) => file.messages.map(String)).join('\n')}`);
  return model;
}

/** The test course with a third page and two parts (course.yaml `parts`), the second one assessed. */
export function makePartsModel(): CourseModel {
  return makeModel({
    'course.yaml': `${baseConfig}mastery: 0.75\nparts:\n  - title: Reading\n    pages: [a, 03-c.md]\n  - title: Check yourself\n    pages: [b]\n`,
    'sections/03-c.md': '---\ntitle: C\n---\n\nMore text.\n',
  });
}

/** A stand-in for the bundled web build. */
export function fakeWebFiles(): OutputFile[] {
  return [
    { path: 'index.html', contents: text('<!doctype html><html lang="en"><title>Test</title><script type="module" src="./assets/player-abc.js"></script></html>\n') },
    { path: 'assets/player-abc.js', contents: text(`console.log(${JSON.stringify('x'.repeat(2000))});\n`) },
    { path: 'media/assets/x.svg', contents: text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>\n') },
  ];
}

// ---------------------------------------------------------------------------------------------
// XSD validation with xmllint-wasm (standards.md §5.2)

const schemasRoot = new URL('../../../schemas/', import.meta.url);
const driversRoot = new URL('./drivers/', import.meta.url);

async function folderFiles(folder: URL, skip: readonly string[] = []): Promise<XMLFileInfo[]> {
  const names = (await readdir(folder)).filter((name) => /\.(xsd|dtd)$/.test(name) && !skip.includes(name)).sort();
  return Promise.all(names.map(async (fileName) => ({ fileName, contents: await readFile(new URL(fileName, folder), 'utf8') })));
}

/** libxml2 warning from the SCORM 1.2 ims_xml.xsd; the document still validates (V3). */
const KNOWN_WARNINGS = [/xml namespace URI cannot be the default namespace/];

export type ManifestKind = 'scorm12' | 'scorm2004' | 'cmi5';

/** Validates a manifest against the official XSDs, through a driver schema for SCORM. Returns the errors. */
export async function validateManifest(kind: ManifestKind, xml: string): Promise<string[]> {
  let schema: XMLFileInfo;
  let preload: XMLFileInfo[];
  if (kind === 'cmi5') {
    schema = { fileName: 'CourseStructure.xsd', contents: await readFile(new URL('cmi5/CourseStructure.xsd', schemasRoot), 'utf8') };
    preload = [];
  } else {
    const driver = `${kind}-driver.xsd`;
    schema = { fileName: driver, contents: await readFile(new URL(driver, driversRoot), 'utf8') };
    // imsmd does not compile under libxml2 2.13 and is not imported by the driver (V3).
    preload = await folderFiles(new URL(kind === 'scorm12' ? 'scorm12/' : 'scorm2004-4th/', schemasRoot), ['imsmd_rootv1p2p1.xsd']);
  }
  const fileName = kind === 'cmi5' ? 'cmi5.xml' : 'imsmanifest.xml';
  const result = await validateXML({ xml: { fileName, contents: xml }, schema, preload });
  const errors = result.errors.map((error) => error.rawMessage).filter((message) => !KNOWN_WARNINGS.some((pattern) => pattern.test(message)));
  if (!result.valid && errors.length === 0) return [`invalid without a message: ${result.rawOutput}`];
  return errors;
}

/** The Common Cartridge 1.1 files a test validates, each against its own schema. */
export type CartridgeFileKind = 'cc-manifest' | 'qti' | 'weblink';

const CC_SCHEMAS: Readonly<Record<CartridgeFileKind, string>> = {
  'cc-manifest': 'cc11-driver.xsd',
  qti: 'ccv1p1_qtiasiv1p2p1_v1p0.xsd',
  weblink: 'ccv1p1_imswl_v1p1.xsd',
};

/** Validates a cartridge file against the CC 1.1 XSDs (schemas/cc11/); the manifest through a driver. Returns the errors. */
export async function validateCartridgeFile(kind: CartridgeFileKind, xml: string): Promise<string[]> {
  const name = CC_SCHEMAS[kind];
  const schema = { fileName: name, contents: await readFile(new URL(kind === 'cc-manifest' ? name : `cc11/${name}`, kind === 'cc-manifest' ? driversRoot : schemasRoot), 'utf8') };
  const preload = await folderFiles(new URL('cc11/', schemasRoot), [name]);
  const result = await validateXML({ xml: { fileName: kind === 'cc-manifest' ? 'imsmanifest.xml' : 'file.xml', contents: xml }, schema, preload });
  const errors = result.errors.map((error) => error.rawMessage);
  if (!result.valid && errors.length === 0) return [`invalid without a message: ${result.rawOutput}`];
  return errors;
}

// ---------------------------------------------------------------------------------------------
// A small zip reader (central directory + local headers, PKWARE APPNOTE 4.3), for hygiene tests.

export interface ZipEntryInfo {
  readonly name: string;
  readonly versionMadeBy: number;
  readonly versionNeeded: number;
  readonly flags: number;
  readonly method: number;
  readonly dosTime: number;
  readonly dosDate: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly externalAttributes: number;
  readonly extraLength: number;
  readonly localNameMatches: boolean;
  /** The local header repeats the central directory's flags, method, CRC and sizes (APPNOTE 4.3.7). */
  readonly localFieldsMatch: boolean;
  readonly data: Uint8Array;
}

export interface ZipInfo {
  readonly entries: readonly ZipEntryInfo[];
  readonly comment: string;
}

export function readZip(bytes: Uint8Array): ZipInfo {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let offset = bytes.length - 22; offset >= Math.max(0, bytes.length - 22 - 0xffff); offset--) {
    if (view.getUint32(offset, true) === 0x06054b50) {
      eocd = offset;
      break;
    }
  }
  if (eocd < 0) throw new Error('no end of central directory record');
  const count = view.getUint16(eocd + 10, true);
  const commentLength = view.getUint16(eocd + 20, true);
  let offset = view.getUint32(eocd + 16, true);
  const entries: ZipEntryInfo[] = [];
  for (let i = 0; i < count; i++) {
    if (view.getUint32(offset, true) !== 0x02014b50) throw new Error(`bad central directory header at ${offset}`);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const entryCommentLength = view.getUint16(offset + 32, true);
    const localOffset = view.getUint32(offset + 42, true);
    const name = decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    const method = view.getUint16(offset + 10, true);
    const compressedSize = view.getUint32(offset + 20, true);
    if (view.getUint32(localOffset, true) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const localNameLength = view.getUint16(localOffset + 26, true);
    const localExtraLength = view.getUint16(localOffset + 28, true);
    const localName = decode(bytes.subarray(localOffset + 30, localOffset + 30 + localNameLength));
    const start = localOffset + 30 + localNameLength + localExtraLength;
    // Flags, method, CRC and sizes: at these offsets in the local header and in the central one.
    const sameField = (local: number, central: number, size: 2 | 4): boolean =>
      size === 2 ? view.getUint16(localOffset + local, true) === view.getUint16(offset + central, true) : view.getUint32(localOffset + local, true) === view.getUint32(offset + central, true);
    const raw = bytes.subarray(start, start + compressedSize);
    entries.push({
      name,
      versionMadeBy: view.getUint16(offset + 4, true),
      versionNeeded: view.getUint16(offset + 6, true),
      flags: view.getUint16(offset + 8, true),
      method,
      dosTime: view.getUint16(offset + 12, true),
      dosDate: view.getUint16(offset + 14, true),
      crc32: view.getUint32(offset + 16, true),
      compressedSize,
      size: view.getUint32(offset + 24, true),
      externalAttributes: view.getUint32(offset + 38, true),
      extraLength: extraLength + localExtraLength,
      localNameMatches: localName === name,
      localFieldsMatch: sameField(6, 8, 2) && sameField(8, 10, 2) && sameField(14, 16, 4) && sameField(18, 20, 4) && sameField(22, 24, 4),
      data: method === 8 ? new Uint8Array(inflateRawSync(raw)) : raw,
    });
    offset += 46 + nameLength + extraLength + entryCommentLength;
  }
  return { entries, comment: decode(bytes.subarray(eocd + 22, eocd + 22 + commentLength)) };
}

/** Unzipped entries as OutputFiles, for checkPackage. */
export const unzip = (bytes: Uint8Array): OutputFile[] => readZip(bytes).entries.map((entry) => ({ path: entry.name, contents: entry.data }));
