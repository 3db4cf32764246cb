/**
 * What a cmi5 LMS makes of a course structure and the statements its AUs sent: which AUs, blocks
 * and the course are satisfied (cmi5 9.3 "satisfied", 13.1.4 moveOn). `verify` and the tests use it
 * to say whether a learner who went through every AU would be done in the LMS's eyes.
 */
import { moveOnSatisfied, type MoveOn } from '../../components/runtime/cmi5/launch-data.js';
import { CMI5_NS } from '../package/cmi5-manifest.js';
import { childElements, childText, parseXml } from '../package/xml-dom.js';
import type { StoredStatement } from './cmi5-checker.js';

export interface AuNode {
  readonly kind: 'au';
  readonly id: string;
  readonly title: string;
  readonly url: string;
  readonly moveOn: MoveOn;
  readonly masteryScore: number | undefined;
}

export interface BlockNode {
  readonly kind: 'block';
  readonly id: string;
  readonly title: string;
  readonly children: readonly (AuNode | BlockNode)[];
}

export interface Cmi5Tree {
  readonly id: string;
  readonly title: string;
  readonly children: readonly (AuNode | BlockNode)[];
}

const MOVE_ONS: readonly MoveOn[] = ['NotApplicable', 'Passed', 'Completed', 'CompletedAndPassed', 'CompletedOrPassed'];

function title(element: Element): string {
  const holder = childElements(element, CMI5_NS, 'title')[0];
  return holder === undefined ? '' : (childText(holder, CMI5_NS, 'langstring') ?? '');
}

function nodes(parent: Element): (AuNode | BlockNode)[] {
  return childElements(parent, CMI5_NS).flatMap((element): (AuNode | BlockNode)[] => {
    const id = element.getAttribute('id') ?? '';
    if (element.localName === 'block') return [{ kind: 'block', id, title: title(element), children: nodes(element) }];
    if (element.localName !== 'au') return [];
    const moveOn = element.getAttribute('moveOn') ?? 'NotApplicable';
    const mastery = element.getAttribute('masteryScore');
    return [
      {
        kind: 'au',
        id,
        title: title(element),
        url: childText(element, CMI5_NS, 'url') ?? '',
        // cmi5 13.1.4: moveOn defaults to NotApplicable.
        moveOn: MOVE_ONS.find((value) => value === moveOn) ?? 'NotApplicable',
        masteryScore: mastery === null || mastery.trim() === '' ? undefined : Number(mastery),
      },
    ];
  });
}

/** cmi5.xml as a tree of blocks and AUs, in document order; undefined when it cannot be read. */
export function readCmi5Tree(xml: string): Cmi5Tree | undefined {
  const parsed = parseXml(xml);
  if ('error' in parsed) return undefined;
  const course = childElements(parsed.root, CMI5_NS, 'course')[0];
  return { id: course?.getAttribute('id') ?? '', title: course === undefined ? '' : title(course), children: nodes(parsed.root) };
}

/** Every AU of the tree, in launch order. */
export function ausOf(tree: { readonly children: readonly (AuNode | BlockNode)[] }): AuNode[] {
  return tree.children.flatMap((node) => (node.kind === 'au' ? [node] : ausOf(node)));
}

export interface AuOutcome {
  readonly completed: boolean;
  readonly passed: boolean;
  readonly failed: boolean;
}

const VERB = 'http://adlnet.gov/expapi/verbs/';

/** What each AU reported in `registration`: cmi5-defined statements name the AU (cmi5 9.4). */
export function auOutcomes(statements: readonly StoredStatement[], registration: string): Map<string, AuOutcome> {
  const out = new Map<string, AuOutcome>();
  for (const statement of statements) {
    if (statement.context?.registration !== registration || !('id' in statement.object) || typeof statement.object.id !== 'string') continue;
    const verb = statement.verb.id.replace(VERB, '');
    if (verb !== 'completed' && verb !== 'passed' && verb !== 'failed') continue;
    const before = out.get(statement.object.id) ?? { completed: false, passed: false, failed: false };
    out.set(statement.object.id, { ...before, [verb]: true });
  }
  return out;
}

export interface Satisfaction {
  readonly aus: ReadonlyMap<string, boolean>;
  readonly blocks: ReadonlyMap<string, boolean>;
  readonly course: boolean;
}

/**
 * cmi5 9.3 / 13.1.4: an AU is satisfied when what it reported meets its moveOn (NotApplicable at
 * once); a block and the course when every child is. `moveOn` may be overridden per AU (the LMS's
 * LaunchData).
 */
export function satisfaction(tree: Cmi5Tree, outcomes: ReadonlyMap<string, AuOutcome>, moveOn: (au: AuNode) => MoveOn = (au) => au.moveOn): Satisfaction {
  const aus = new Map<string, boolean>();
  const blocks = new Map<string, boolean>();
  const visit = (node: AuNode | BlockNode): boolean => {
    if (node.kind === 'au') {
      const outcome = outcomes.get(node.id) ?? { completed: false, passed: false, failed: false };
      const done = moveOnSatisfied(moveOn(node), outcome);
      aus.set(node.id, done);
      return done;
    }
    const done = node.children.map(visit).every(Boolean);
    blocks.set(node.id, done);
    return done;
  };
  const course = tree.children.map(visit).every(Boolean);
  return { aus, blocks, course };
}
