import { finding, type Finding } from '../findings.js';
import { childElements, childText, descendants } from '../xml-dom.js';
import { QTI_NS } from './qti-assessment.js';

/** CC 1.1 QTI profile item types (`cc_profile`), including the one coursemark does not write. */
export const CC_ITEM_PROFILES: readonly string[] = ['cc.multiple_choice.v0p1', 'cc.multiple_response.v0p1', 'cc.true_false.v0p1', 'cc.fib.v0p1', 'cc.pattern_match.v0p1', 'cc.essay.v0p1'];

/** A QTI metadata field's entry (`qtimetadatafield` with this `fieldlabel`), trimmed. */
export function metadataField(parent: Element, label: string): string | undefined {
  for (const field of descendants(parent, QTI_NS, 'qtimetadatafield')) {
    if (childText(field, QTI_NS, 'fieldlabel') === label) return childText(field, QTI_NS, 'fieldentry');
  }
  return undefined;
}

/**
 * What the QTI XSD and the CC profile ask of a quiz file that LMS importers rely on (docs/lms-guide.md):
 * the root, one assessment with one section of items, each item's type and points, choice answers
 * that name a choice the item has, feedback references that name an <itemfeedback>.
 */
export function checkQti(name: string, root: Element): Finding[] {
  const problem = (message: string): Finding => finding('cc-qti', `${name}: ${message}`);
  if (root.namespaceURI !== QTI_NS || root.localName !== 'questestinterop') {
    return [problem(`the root is <${root.localName}> in namespace "${root.namespaceURI ?? ''}"; a quiz is <questestinterop xmlns="${QTI_NS}">.`)];
  }
  const assessments = childElements(root, QTI_NS, 'assessment');
  const assessment = assessments[0];
  if (assessments.length !== 1 || assessment === undefined) return [problem('has no <assessment>, or more than one; a quiz file holds exactly one.')];
  const out: Finding[] = [];
  if (!assessment.getAttribute('ident') || !assessment.getAttribute('title')) out.push(problem('the <assessment> needs an ident and a title (the quiz title LMSs show).'));
  const profile = metadataField(assessment, 'cc_profile');
  if (profile !== undefined && profile !== 'cc.exam.v0p1') out.push(problem(`the assessment's cc_profile is "${profile}"; the CC 1.1 profile has "cc.exam.v0p1".`));
  const sections = childElements(assessment, QTI_NS, 'section');
  const items = sections.flatMap((section) => childElements(section, QTI_NS, 'item'));
  if (sections.length !== 1 || items.length === 0) out.push(problem('needs one <section> with at least one <item>.'));
  const idents = new Set<string>();
  for (const item of items) {
    const ident = item.getAttribute('ident') ?? '';
    const label = `item "${ident}"`;
    if (ident === '' || idents.has(ident)) out.push(problem(`an item's ident "${ident}" is empty or used twice.`));
    idents.add(ident);
    const type = metadataField(item, 'cc_profile');
    if (type === undefined || !CC_ITEM_PROFILES.includes(type)) out.push(problem(`${label} has cc_profile "${type ?? ''}"; LMSs import only ${CC_ITEM_PROFILES.join(', ')}.`));
    const weighting = metadataField(item, 'cc_weighting');
    if (weighting !== undefined && !(/^\d+(\.\d+)?$/.test(weighting) && Number.isFinite(Number(weighting)))) out.push(problem(`${label} has cc_weighting "${weighting}"; points are a number of 0 or more.`));
    const labels = new Set(descendants(item, QTI_NS, 'response_label').map((el) => el.getAttribute('ident') ?? ''));
    const choice = descendants(item, QTI_NS, 'render_choice').length > 0;
    if ((type === 'cc.multiple_choice.v0p1' || type === 'cc.multiple_response.v0p1' || type === 'cc.true_false.v0p1') && (!choice || labels.size < 2)) {
      out.push(problem(`${label} is ${type} but offers fewer than two choices.`));
    }
    if (choice) {
      for (const test of descendants(item, QTI_NS, 'varequal')) {
        const value = (test.textContent ?? '').trim();
        if (!labels.has(value)) out.push(problem(`${label} tests for the answer "${value}", which is not one of its choices (${[...labels].join(', ')}).`));
      }
    }
    const feedback = new Set(childElements(item, QTI_NS, 'itemfeedback').map((el) => el.getAttribute('ident') ?? ''));
    for (const show of descendants(item, QTI_NS, 'displayfeedback')) {
      const ref = show.getAttribute('linkrefid') ?? '';
      if (!feedback.has(ref)) out.push(problem(`${label} shows feedback "${ref}", which it does not have.`));
    }
  }
  return out;
}
