/**
 * The registries of directives and question types: a directive or question type with a part
 * missing does not compile (the `@ts-expect-error` lines below fail `tsc --noEmit`, which `npm test`
 * runs, if the registry ever accepts them), and what the registries name exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { questionKinds, type QuestionKindTable } from '../../components/questions/registry.js';
import type { DirectiveDescriptor } from '../../scripts/directives/directive.js';
import { directiveElements, directives, type DirectiveTable } from '../../scripts/directives/registry.js';
import { questionReaders, questionTypes, type QuestionReaderTable } from '../../scripts/questions/registry.js';

const componentsDir = fileURLToPath(new URL('../../components/', import.meta.url));

/** A throwaway directive, complete: `::shout[text]{times=3}`. */
const shout = {
  spec: { kind: 'leafDirective', example: '::shout[Hello]{times=3}', attributes: { times: { type: 'number', min: 1, hint: 'a number of 1 or more' } } },
  analyze: (_node, attributes) => ({ times: typeof attributes.times === 'number' ? attributes.times : 1 }),
  assets: () => [],
  render: ({ state, node, info }) => ({ type: 'element', tagName: 'strong', properties: { dataTimes: info.times }, children: state.all(node) }),
  elements: [],
} satisfies DirectiveDescriptor<{ times: number }>;

const { render: _render, ...shoutWithoutRender } = shout;
const { assets: _assets, ...shoutWithoutAssets } = shout;
const { elements: _elements, ...shoutWithoutElements } = shout;

// A complete directive joins the table.
const withShout = { ...directives, shout } satisfies DirectiveTable;

// @ts-expect-error a directive that does not say how it renders
const withoutRender = { ...directives, shout: shoutWithoutRender } satisfies DirectiveTable;
// @ts-expect-error a directive that does not say which files it needs packaged
const withoutAssets = { ...directives, shout: shoutWithoutAssets } satisfies DirectiveTable;
// @ts-expect-error a directive that does not name its elements
const withoutElements = { ...directives, shout: shoutWithoutElements } satisfies DirectiveTable;
// @ts-expect-error a renderer that reads data the analysis does not produce
const wrongData = { ...shout, render: ({ info }: { info: { volume: string } }) => (info.volume === '' ? undefined : undefined) } satisfies DirectiveDescriptor<{ times: number }>;

const { codec: _codec, ...numericWithoutCodec } = questionKinds.numeric;
const { sequencing: _sequencing, ...kindsWithoutSequencing } = questionKinds;
const { sequencing: _reader, ...readersWithoutSequencing } = questionReaders;

// @ts-expect-error a question type without its resume codec
const kindsMissingCodec = { ...questionKinds, numeric: numericWithoutCodec } satisfies QuestionKindTable;
// @ts-expect-error a question type without its browser half
const kindsMissingType = kindsWithoutSequencing satisfies QuestionKindTable;
// @ts-expect-error a question type without its build half
const readersMissingType = readersWithoutSequencing satisfies QuestionReaderTable;
// @ts-expect-error one type's module registered under another type
const kindsSwapped = { ...questionKinds, numeric: questionKinds['fill-in'] } satisfies QuestionKindTable;

describe('directive and question-type registries', () => {
  it('accept a complete throwaway directive, whose parts work', () => {
    expect(Object.keys(withShout)).toContain('shout');
    expect(withShout.shout.assets()).toEqual([]);
    // The rejected tables above still exist at run time; only the compiler refuses them.
    expect([withoutRender, withoutAssets, withoutElements, wrongData, kindsMissingCodec, kindsMissingType, readersMissingType, kindsSwapped]).toHaveLength(8);
  });

  it('give every question type both halves, under the same names', () => {
    expect(Object.keys(questionKinds).sort()).toEqual([...questionTypes].sort());
    for (const type of questionTypes) expect(questionKinds[type].type).toBe(type);
  });

  it('name elements whose modules exist in components/ and export the class', () => {
    expect(directiveElements.map((element) => element.tag)).toEqual([...new Set(directiveElements.map((element) => element.tag))]);
    for (const element of directiveElements) {
      const source = `${componentsDir}${element.module.replace(/\.js$/, '.ts')}`;
      expect(existsSync(source), source).toBe(true);
      // The modules need a browser (virtual modules, custom elements): their source is read instead.
      expect(readFileSync(source, 'utf8')).toMatch(new RegExp(`export class ${element.className} extends`));
    }
  });
});
