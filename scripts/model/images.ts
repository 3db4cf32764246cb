/**
 * Photos and other raster images: the size they are shown at is written into the page (width and
 * height, so the browser reserves their box and nothing moves as they load; SVG drawings too), those wider than
 * MAX_IMAGE_WIDTH are scaled down, and every one is re-encoded without its metadata (EXIF, XMP,
 * IPTC: a phone photo's GPS position, camera serial and date must not ship). sharp does the work.
 */
import type { Sharp, SharpOptions } from 'sharp';

/** sharp (native code) is loaded the first time an image is measured: a course without images never pays for it. */
async function sharp(input: Uint8Array, options?: SharpOptions): Promise<Sharp> {
  const { default: create } = await import('sharp');
  return create(input, options);
}

/** Widest image a package carries, in pixels: twice the reading column (42rem) on a high-density screen, with room to spare. */
export const MAX_IMAGE_WIDTH = 1600;

/** Raster formats sharp re-encodes; SVG (a drawing, checked for script elsewhere) and others are copied. */
const RASTER = /\.(jpe?g|png|webp|avif|gif)$/i;

export const isRasterImage = (path: string): boolean => RASTER.test(path);

export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

/**
 * The size an image is shown at (its EXIF orientation applied; an SVG's width and height, or its
 * viewBox), or undefined when sharp cannot read it.
 */
export async function readImageSize(bytes: Uint8Array): Promise<ImageSize | undefined> {
  const drawing = svgSize(bytes);
  if (drawing !== undefined) return drawing;
  try {
    const metadata = await (await sharp(bytes)).metadata();
    const { width, height } = metadata.autoOrient ?? metadata;
    return width > 0 && height > 0 ? { width, height } : undefined;
  } catch {
    // Not an image sharp can read (a misnamed file): it is copied as it is and shown without a size.
    return undefined;
  }
}

const LENGTH = /^\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$/;
const SVG_ROOT = /<svg\b[^>]*>/i;

/**
 * An SVG's size when its root element states it plainly: width and height in pixels (or without a
 * unit), or a viewBox for what they leave out (SVG 2 §8.2, §8.7). Other units and percentages are
 * left to sharp, like anything that is not an SVG; sharp (native code) is not even loaded for a
 * course whose drawings all state their size.
 */
function svgSize(bytes: Uint8Array): ImageSize | undefined {
  const head = new TextDecoder().decode(bytes.subarray(0, 4096));
  const found = SVG_ROOT.exec(head);
  // A comment or DOCTYPE before the root could hide or fake it: sharp reads those files.
  if (found === null || /<!/.test(head.slice(0, found.index))) return undefined;
  const root = found[0];
  const attribute = (name: string): string | undefined => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(root)?.slice(1).find((value) => value !== undefined);
  const length = (name: string): number | undefined | null => {
    const value = attribute(name);
    if (value === undefined) return undefined;
    const match = LENGTH.exec(value);
    return match === null ? null : Number(match[1]);
  };
  const [width, height] = [length('width'), length('height')];
  if (width === null || height === null) return undefined;
  const box = (attribute('viewBox') ?? '').trim().split(/[\s,]+/).map(Number);
  const [boxWidth, boxHeight] = box.length === 4 && box.every(Number.isFinite) ? [box[2] ?? 0, box[3] ?? 0] : [0, 0];
  const ratio = boxWidth > 0 && boxHeight > 0 ? boxWidth / boxHeight : undefined;
  const size = width !== undefined && height !== undefined ? { width, height } : width !== undefined && ratio ? { width, height: width / ratio } : height !== undefined && ratio ? { width: height * ratio, height } : ratio ? { width: boxWidth, height: boxHeight } : undefined;
  return size && size.width > 0 && size.height > 0 ? { width: Math.round(size.width), height: Math.round(size.height) } : undefined;
}

/** The size an image has in the package: no wider than MAX_IMAGE_WIDTH, proportions kept. */
export function packagedSize(size: ImageSize): ImageSize {
  if (size.width <= MAX_IMAGE_WIDTH) return size;
  return { width: MAX_IMAGE_WIDTH, height: Math.max(1, Math.round((size.height * MAX_IMAGE_WIDTH) / size.width)) };
}

/**
 * The image as packaged: turned upright, scaled to its packaged size, re-encoded in its own format
 * with no metadata. Animated images keep every frame. Unreadable input is returned unchanged.
 */
export async function packageImage(bytes: Uint8Array, path: string): Promise<Uint8Array> {
  const size = await readImageSize(bytes);
  if (size === undefined) return bytes;
  const target = packagedSize(size);
  const image = (await sharp(bytes, { animated: /\.(gif|webp)$/i.test(path) })).rotate();
  if (target.width !== size.width) image.resize({ width: target.width, withoutEnlargement: true });
  const format = (await (await sharp(bytes)).metadata()).format;
  // sharp writes no metadata unless asked to (withMetadata/keepExif): re-encoding strips it.
  const encoded = format === 'jpeg' ? image.jpeg({ quality: 85, mozjpeg: true }) : format === 'png' ? image.png({ compressionLevel: 9 }) : format === 'webp' ? image.webp({ quality: 85 }) : format === 'heif' ? image.avif({ quality: 60 }) : format === 'gif' ? image.gif() : undefined;
  return encoded === undefined ? bytes : new Uint8Array(await encoded.toBuffer());
}
