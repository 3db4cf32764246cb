import type { Element, ElementContent, Properties, Root } from 'hast';
import type { ActivityData, QuestionData } from '../../../components/course-data.js';
import { element } from '../../render/hast-parts.js';
import type { LitValue } from '../../render/lit-template.js';

/**
 * Turns a page as the render stage draws it (hast with coursemark elements such as <cm-question>,
 * whose rich parts are bound as Lit properties) into plain HTML that any LMS page editor keeps:
 * no custom elements, no script. Questions are not answered on the page: they are collected (as
 * hast, for the page's quiz) and the page says where to answer them, or, for a type the quiz profile
 * cannot grade, shows them as a self-check with the answer in a <details>. URLs stay package paths
 * (`media/...`, `#/page/heading`) until `rebase` resolves them for the file the HTML goes into.
 */

/** The interface strings static pages use, in the course language. */
export interface StaticStrings {
  readonly inQuiz: (quiz: string) => string;
  readonly showAnswer: string;
  readonly notCollected: string;
  readonly showDiscussion: string;
  readonly contentWarning: string;
  readonly helpAndSupport: string;
  readonly trueLabel: string;
  readonly falseLabel: string;
}

/** A question's rich parts as hast, for its QTI item. */
export interface QuestionHtml {
  readonly prompt: readonly ElementContent[];
  readonly choices: Readonly<Record<string, readonly ElementContent[]>>;
  readonly correct: readonly ElementContent[] | undefined;
  readonly incorrect: readonly ElementContent[] | undefined;
  readonly choiceFeedback: Readonly<Record<string, readonly ElementContent[]>>;
}

/** A shared reflection's prompt as hast, for its essay item. */
export interface ActivityHtml {
  readonly prompt: readonly ElementContent[];
}

export interface StaticContext {
  readonly strings: StaticStrings;
  /** Whether a question goes into its page's quiz (the per-type cartridge hook says so). */
  readonly inProfile: (question: QuestionData) => boolean;
  /** The title of the quiz a page's questions go into. */
  readonly quizTitle: string;
  /** The package path of the glossary and the support pages, when the course has them. */
  readonly glossaryPath: string | undefined;
  readonly supportPath: string | undefined;
}

export interface StaticPage {
  readonly body: ElementContent[];
  /** Questions in page order, with their rich parts. */
  readonly questions: readonly { readonly data: QuestionData; readonly html: QuestionHtml }[];
  readonly activities: readonly { readonly data: ActivityData; readonly html: ActivityHtml }[];
}

const text = (value: string): ElementContent => ({ type: 'text', value });
const p = (children: ElementContent[], className?: string): Element => element('p', className ? { className: [className] } : {}, children);

function bound(node: Element, name: string): LitValue | undefined {
  return node.data?.litProperties?.[name];
}

const jsonOf = <T>(value: LitValue | undefined): T | undefined => (value !== undefined && 'json' in value ? (value.json as T) : undefined);
const templateOf = (value: LitValue | undefined): readonly ElementContent[] | undefined => (value !== undefined && 'template' in value ? value.template : undefined);
const recordOf = (value: LitValue | undefined): Readonly<Record<string, LitValue>> => (value !== undefined && 'record' in value ? value.record : {});

/** The plain-HTML page of a rendered section. */
export function staticPage(root: Root, context: StaticContext): StaticPage {
  const questions: { data: QuestionData; html: QuestionHtml }[] = [];
  const activities: { data: ActivityData; html: ActivityHtml }[] = [];

  const all = (nodes: readonly ElementContent[]): ElementContent[] => nodes.flatMap(convert);
  const partsOf = (record: Readonly<Record<string, LitValue>>): Record<string, ElementContent[]> =>
    Object.fromEntries(Object.entries(record).map(([key, value]) => [key, all(templateOf(value) ?? [])]));

  function convert(node: ElementContent): ElementContent[] {
    if (node.type !== 'element') return [node];
    const children = (): ElementContent[] => all(node.children);
    const heading = typeof node.properties.heading === 'string' ? node.properties.heading : undefined;
    switch (node.tagName) {
      case 'cm-code':
        return children();
      case 'cm-term':
        return context.glossaryPath === undefined ? children() : [element('a', { href: `${context.glossaryPath}#term-${String(node.properties.term ?? '')}` }, children())];
      case 'cm-support-link':
        return context.supportPath === undefined ? [] : [p([element('a', { href: context.supportPath }, [text(context.strings.helpAndSupport)])])];
      case 'cm-note':
      case 'cm-content-warning': {
        const title = heading ?? (node.tagName === 'cm-content-warning' ? context.strings.contentWarning : undefined);
        const kind = node.tagName === 'cm-note' ? String(node.properties.kind ?? 'note') : 'content-warning';
        return [element('aside', { className: [kind] }, [...(title === undefined ? [] : [p([element('strong', {}, [text(title)])])]), ...children()])];
      }
      case 'cm-figure': {
        const { src, alt, width, height } = node.properties;
        const caption = children();
        return [element('figure', {}, [element('img', { src, alt: alt ?? '', width, height }, []), ...(caption.length > 0 ? [element('figcaption', {}, caption)] : [])])];
      }
      case 'cm-media':
        return [media(node, children())];
      case 'cm-question':
        return question(node);
      case 'cm-activity':
        return activity(node);
      default:
        // Any other coursemark element draws its content; plain HTML elements stay as they are.
        return node.tagName.startsWith('cm-') ? children() : [{ ...node, children: children() }];
    }
  }

  function media(node: Element, transcript: ElementContent[]): Element {
    const { kind, src, captions, poster, heading, srclang } = node.properties;
    const player = element(kind === 'video' ? 'video' : 'audio', { controls: true, src, preload: 'metadata', ...(poster ? { poster } : {}) }, [
      ...(typeof captions === 'string' ? [element('track', { kind: 'captions', src: captions, ...(typeof srclang === 'string' ? { srcLang: srclang } : {}), default: true }, [])] : []),
    ]);
    const caption = typeof heading === 'string' ? [element('figcaption', {}, [text(heading)])] : [];
    return element('figure', { className: ['media'] }, [...caption, player, ...(transcript.length > 0 ? [element('div', { className: ['transcript'] }, transcript)] : [])]);
  }

  function question(node: Element): ElementContent[] {
    const data = jsonOf<QuestionData>(bound(node, 'question'));
    if (data === undefined) return [];
    const content = recordOf(bound(node, 'content'));
    const feedback = recordOf(content.feedback);
    const html: QuestionHtml = {
      prompt: all(templateOf(content.prompt) ?? []),
      choices: partsOf(recordOf(content.choices)),
      correct: templateOf(feedback.correct) === undefined ? undefined : all(templateOf(feedback.correct) ?? []),
      incorrect: templateOf(feedback.incorrect) === undefined ? undefined : all(templateOf(feedback.incorrect) ?? []),
      choiceFeedback: partsOf(recordOf(feedback.choices)),
    };
    questions.push({ data, html });
    const inProfile = context.inProfile(data);
    const body: ElementContent[] = [...html.prompt];
    if (inProfile) body.push(p([text(context.strings.inQuiz(context.quizTitle))], 'in-quiz'));
    else body.push(...selfCheck(data, html));
    return [element('section', { className: ['question'], id: `question-${data.id}` }, body)];
  }

  function selfCheck(data: QuestionData, html: QuestionHtml): ElementContent[] {
    const list = (tag: 'ul' | 'ol', items: readonly string[]): Element => element(tag, {}, items.map((item) => element('li', {}, [text(item)])));
    let shown: ElementContent[] = [];
    let answer: ElementContent[] = [];
    if (data.type === 'matching') {
      const targets = new Map(data.targets.map((target) => [target.id, target.text]));
      shown = [list('ul', data.sources.map((source) => source.text)), list('ul', [...data.targets.map((target) => target.text)].sort())];
      answer = [list('ul', data.pairs.map(([source, target]) => `${data.sources.find((item) => item.id === source)?.text ?? source} → ${targets.get(target) ?? target}`))];
    } else if (data.type === 'sequencing') {
      // Shown in alphabetical order: the author's order is the answer.
      shown = [list('ul', data.steps.map((step) => step.text).sort())];
      answer = [list('ol', data.steps.map((step) => step.text))];
    } else if (data.type === 'numeric') {
      const unit = data.unit === undefined ? '' : ` ${data.unit}`;
      answer = [p([text(data.tolerance > 0 ? `${data.answer} ± ${data.tolerance}${unit}` : `${data.answer}${unit}`)])];
    } else if (data.type === 'true-false') {
      answer = [p([text(data.answer ? context.strings.trueLabel : context.strings.falseLabel)])];
    } else if (data.type === 'fill-in') {
      answer = [list('ul', data.answers)];
    } else {
      answer = [list('ul', data.choices.filter((choice) => choice.correct).map((choice) => choice.text))];
    }
    const explanation = html.correct === undefined ? [] : [p([...html.correct])];
    return [...shown, element('details', {}, [element('summary', {}, [text(context.strings.showAnswer)]), ...answer, ...explanation])];
  }

  function activity(node: Element): ElementContent[] {
    const data = jsonOf<ActivityData>(bound(node, 'activity'));
    if (data === undefined) return [];
    const content = recordOf(bound(node, 'content'));
    const prompt = all(templateOf(content.prompt) ?? []);
    const discussion = templateOf(content.discussion);
    // Learner privacy: a private reflection is never asked in the LMS, where tutors would read it.
    if (data.shared) activities.push({ data, html: { prompt } });
    const body: ElementContent[] = [
      p([element('strong', {}, [text(data.title)])]),
      ...prompt,
      p([text(data.shared ? context.strings.inQuiz(context.quizTitle) : context.strings.notCollected)], data.shared ? 'in-quiz' : 'private'),
      ...(discussion === undefined ? [] : [element('details', {}, [element('summary', {}, [text(context.strings.showDiscussion)]), ...all(discussion)])]),
    ];
    return [element('section', { className: ['activity'], id: `activity-${data.id}` }, body)];
  }

  return { body: all(root.children.filter((child): child is ElementContent => child.type !== 'doctype')), questions, activities };
}

/** Attributes that hold a URL, by element. */
const URL_PROPERTIES: readonly string[] = ['href', 'src', 'poster'];

/**
 * Resolves the package paths in `nodes` for a file in `folder` ('' for the root, else `a/b/`):
 * `media/...` files become relative paths to where the cartridge keeps them, page routes
 * (`#/page/heading`) the relative path of the page's HTML file. Web addresses are kept.
 */
export function rebase(nodes: readonly ElementContent[], resolve: (url: string) => string | undefined): ElementContent[] {
  return nodes.map((node) => {
    if (node.type !== 'element') return node;
    const properties: Properties = { ...node.properties };
    for (const name of URL_PROPERTIES) {
      const value = properties[name];
      if (typeof value !== 'string') continue;
      const resolved = resolve(value);
      if (resolved !== undefined) properties[name] = resolved;
    }
    return { ...node, properties, children: rebase(node.children, resolve) };
  });
}

/** The relative URL from a file in `fromFolder` (`''` or `a/b/`) to a package path, each segment percent-encoded. */
export function relativeUrl(fromFolder: string, path: string): string {
  const from = fromFolder.split('/').filter(Boolean);
  const to = path.split('/');
  let shared = 0;
  while (shared < from.length && shared < to.length - 1 && from[shared] === to[shared]) shared += 1;
  return `${'../'.repeat(from.length - shared)}${to.slice(shared).map(encodeURIComponent).join('/')}`;
}
