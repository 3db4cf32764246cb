import { z } from 'zod';
import { yamlRange, type YamlSource } from '../parse/yaml-source.js';
import type { ConfigImage } from './theme-config.js';

/** course.yaml `cover`, checked: what the cover page shows besides the course title. */
export interface CoverConfig {
  /** The cover's text; the course description when not given. */
  readonly description: string | undefined;
  readonly image: ConfigImage | undefined;
  /** Estimated minutes; the sum of the pages' durations when not given. */
  readonly duration: number | undefined;
  readonly outcomes: readonly string[];
}

const coverObjectSchema = z.strictObject({
  description: z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty (leave it out to show the course description)' }).optional(),
  image: z
    .strictObject({
      src: z.string({ error: 'must be the path of an image in the course folder, such as assets/cover.jpg' }).trim().min(1, { error: 'must be the path of an image in the course folder' }),
      alt: z.string({ error: 'must be text: what the image shows' }).trim().min(1, { error: 'must say what the image shows (or write decorative: true instead)' }).optional(),
      decorative: z.literal(true, { error: 'must be true, for an image that only decorates' }).optional(),
    })
    .refine((image) => image.alt !== undefined || image.decorative === true, { error: 'needs alt (what the image shows) or decorative: true' })
    .optional(),
  duration: z.number({ error: 'must be a number of minutes, such as 45' }).positive({ error: 'must be a positive number of minutes' }).optional(),
  outcomes: z.array(z.string({ error: 'must be sentences' }).trim().min(1, { error: 'must not be empty' }), { error: 'must be a list of what the learner will do, one "- " line each' }).default([]),
});

/** `cover: true` for a cover with what the course already says, or the cover's own settings. */
export const coverSchema = z.union([z.boolean(), coverObjectSchema], { error: 'must be true, false, or the cover\'s settings (description, image, duration, outcomes)' }).default(false);

export function coverKeysAt(path: readonly PropertyKey[]): readonly string[] | undefined {
  const at = path.map(String).join('.');
  if (at === 'cover') return Object.keys(coverObjectSchema.shape);
  if (at === 'cover.image') return ['src', 'alt', 'decorative'];
  return undefined;
}

export function resolveCover(cover: z.output<typeof coverSchema>, source: YamlSource): CoverConfig | undefined {
  if (cover === false) return undefined;
  if (cover === true) return { description: undefined, image: undefined, duration: undefined, outcomes: [] };
  const image = cover.image;
  return {
    description: cover.description,
    image: image === undefined ? undefined : { path: image.src, alt: image.alt ?? '', place: yamlRange(source, ['cover', 'image', 'src']) },
    duration: cover.duration,
    outcomes: cover.outcomes,
  };
}
