import { attrs, element, serializeXml, textElement, XSI_NS, type XmlAttribute, type XmlDocument, type XmlElement } from '../xml.js';
import type { CcItemProfile, QtiQuestion } from './qti-question.js';

/**
 * A page's quiz as QTI 1.2.1 in the Common Cartridge 1.1 profile (ccv1p1_qtiasiv1p2p1_v1p0.xsd), as
 * data, and its XML. The profile's rules that the XSD does not check (docs/lms-guide.md, "Common
 * Cartridge"): one <section> of items; each item names its type in `cc_profile` and its points in
 * `cc_weighting`; the outcome is a variable SCORE set to 100 for a right answer (no partial credit)
 * by the first condition that matches with continue="No"; feedback is <itemfeedback> shown by
 * <displayfeedback>.
 */

export const QTI_NS = 'http://www.imsglobal.org/xsd/ims_qtiasiv1p2';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const SCHEMA_LOCATION = `${QTI_NS} http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_qtiasiv1p2p1_v1p0.xsd`;

/** Rich parts as HTML text (mattext texttype="text/html"). */
export interface QtiFeedback {
  readonly correct?: string;
  readonly incorrect?: string;
  /** By choice id. */
  readonly choices: Readonly<Record<string, string>>;
}

export type QtiItemBody = QtiQuestion | { readonly profile: 'cc.essay.v0p1' };

export interface QtiItem {
  readonly ident: string;
  readonly title: string;
  /** Points in the LMS (cc_weighting): the question's weight; 0 for an essay, which the course does not score. */
  readonly points: number;
  readonly prompt: string;
  readonly body: QtiItemBody;
  /** Choice labels as HTML, by choice id (choice types only). */
  readonly choiceHtml: Readonly<Record<string, string>>;
  readonly feedback: QtiFeedback;
}

export interface QtiAssessment {
  readonly ident: string;
  readonly title: string;
  readonly lang: string;
  readonly items: readonly QtiItem[];
}

const RESPONSE = 'response1';
const q = (name: string, attributes: readonly XmlAttribute[] = [], children: readonly XmlElement[] = []): XmlElement => element(QTI_NS, name, attributes, children);
const qt = (name: string, value: string, attributes: readonly XmlAttribute[] = []): XmlElement => textElement(QTI_NS, name, value, attributes);

function metadata(fields: readonly (readonly [label: string, entry: string])[]): XmlElement {
  return q('qtimetadata', [], fields.map(([label, entry]) => q('qtimetadatafield', [], [qt('fieldlabel', label), qt('fieldentry', entry)])));
}

const html = (value: string): XmlElement => q('material', [], [qt('mattext', value, attrs({ texttype: 'text/html' }))]);
const plain = (value: string): XmlElement => q('material', [], [qt('mattext', value, attrs({ texttype: 'text/plain' }))]);

/** `cc_weighting` as the LMS reads it: a plain decimal. */
const pointsText = (points: number): string => String(Number(points.toFixed(4)));

function choicesOf(body: QtiItemBody): readonly { readonly id: string; readonly text: string }[] {
  if (body.profile === 'cc.multiple_choice.v0p1' || body.profile === 'cc.multiple_response.v0p1') return body.choices;
  return [];
}

function presentation(item: QtiItem, trueFalse: { readonly true: string; readonly false: string }): XmlElement {
  const { body } = item;
  const prompt = html(item.prompt);
  if (body.profile === 'cc.fib.v0p1' || body.profile === 'cc.essay.v0p1') {
    const essay = body.profile === 'cc.essay.v0p1';
    const render = q('render_fib', attrs({ rows: essay ? '10' : undefined, columns: essay ? '70' : undefined }), [q('response_label', attrs({ ident: 'answer1', rshuffle: 'No' }))]);
    return q('presentation', [], [prompt, q('response_str', attrs({ ident: RESPONSE, rcardinality: 'Single' }), [render])]);
  }
  const labels =
    body.profile === 'cc.true_false.v0p1'
      ? [q('response_label', attrs({ ident: 'true' }), [plain(trueFalse.true)]), q('response_label', attrs({ ident: 'false' }), [plain(trueFalse.false)])]
      : choicesOf(body).map((choice) => q('response_label', attrs({ ident: choice.id }), [html(item.choiceHtml[choice.id] ?? choice.text)]));
  const cardinality = body.profile === 'cc.multiple_response.v0p1' ? 'Multiple' : 'Single';
  return q('presentation', [], [prompt, q('response_lid', attrs({ ident: RESPONSE, rcardinality: cardinality }), [q('render_choice', attrs({ shuffle: 'No' }), labels)])]);
}

const varequal = (value: string, caseSensitive?: boolean): XmlElement =>
  qt('varequal', value, attrs({ respident: RESPONSE, case: caseSensitive === undefined ? undefined : caseSensitive ? 'Yes' : 'No' }));
const show = (ident: string): XmlElement => qt('displayfeedback', '', attrs({ feedbacktype: 'Response', linkrefid: ident }));
const condition = (title: string, tests: readonly XmlElement[], score: string | undefined, feedback: readonly string[], stop: boolean): XmlElement =>
  q('respcondition', attrs({ title, continue: stop ? 'No' : 'Yes' }), [
    q('conditionvar', [], tests),
    ...(score === undefined ? [] : [qt('setvar', score, attrs({ varname: 'SCORE', action: 'Set' }))]),
    ...feedback.map(show),
  ]);

const CORRECT = 'correct_fb';
const INCORRECT = 'general_incorrect_fb';
const choiceFeedbackId = (id: string): string => `${id}_fb`;

/** The right answers' conditions: each sets SCORE to 100 and stops. */
function correctTests(body: QtiQuestion): XmlElement[][] {
  switch (body.profile) {
    case 'cc.multiple_choice.v0p1':
      return [[varequal(body.correct)]];
    case 'cc.true_false.v0p1':
      return [[varequal(String(body.correct))]];
    case 'cc.multiple_response.v0p1': {
      const wrong = body.choices.filter((choice) => !body.correct.includes(choice.id));
      return [[q('and', [], [...body.correct.map((id) => varequal(id)), ...wrong.map((choice) => q('not', [], [varequal(choice.id)]))])]];
    }
    case 'cc.fib.v0p1':
      // One condition per accepted answer: several <varequal> in one condition would mean all of them.
      return body.answers.map((answer) => [varequal(answer, body.caseSensitive)]);
  }
}

function resprocessing(item: QtiItem): XmlElement | undefined {
  const { body, feedback } = item;
  if (body.profile === 'cc.essay.v0p1') return undefined;
  const conditions: XmlElement[] = [];
  // Feedback written on a choice shows whenever it is chosen, so these come first and go on.
  for (const choice of choicesOf(body)) {
    if (feedback.choices[choice.id] !== undefined) conditions.push(condition(`Chose ${choice.id}`, [varequal(choice.id)], undefined, [choiceFeedbackId(choice.id)], false));
  }
  for (const tests of correctTests(body)) conditions.push(condition('Correct', tests, '100', feedback.correct === undefined ? [] : [CORRECT], true));
  conditions.push(condition('Incorrect', [q('other')], '0', feedback.incorrect === undefined ? [] : [INCORRECT], true));
  return q('resprocessing', [], [q('outcomes', [], [qt('decvar', '', attrs({ varname: 'SCORE', vartype: 'Decimal', minvalue: '0', maxvalue: '100' }))]), ...conditions]);
}

const itemFeedback = (ident: string, value: string): XmlElement => q('itemfeedback', attrs({ ident }), [q('flow_mat', [], [html(value)])]);

function itemXml(item: QtiItem, trueFalse: { readonly true: string; readonly false: string }): XmlElement {
  const profile: CcItemProfile = item.body.profile;
  const essay = profile === 'cc.essay.v0p1';
  const processing = resprocessing(item);
  const feedback = [
    ...(item.feedback.correct === undefined || essay ? [] : [itemFeedback(CORRECT, item.feedback.correct)]),
    ...(item.feedback.incorrect === undefined || essay ? [] : [itemFeedback(INCORRECT, item.feedback.incorrect)]),
    ...choicesOf(item.body).flatMap((choice) => (item.feedback.choices[choice.id] === undefined ? [] : [itemFeedback(choiceFeedbackId(choice.id), item.feedback.choices[choice.id] ?? '')])),
  ];
  return q('item', attrs({ ident: item.ident, title: item.title }), [
    q('itemmetadata', [], [metadata([['cc_profile', profile], ['cc_weighting', pointsText(item.points)], ['qmd_computerscored', essay ? 'No' : 'Yes']])]),
    presentation(item, trueFalse),
    ...(processing === undefined ? [] : [processing]),
    ...feedback,
  ]);
}

/**
 * The quiz as an XML document. `trueFalse` are the labels of a true/false question's two answers,
 * in the course language.
 */
export function qtiAssessmentXml(assessment: QtiAssessment, trueFalse: { readonly true: string; readonly false: string }): XmlDocument {
  const root = q('questestinterop', [{ ns: XSI_NS, name: 'xsi:schemaLocation', value: SCHEMA_LOCATION }], [
    q('assessment', [...attrs({ ident: assessment.ident, title: assessment.title }), { ns: XML_NS, name: 'xml:lang', value: assessment.lang }], [
      // The player lets a learner answer again; so does the LMS quiz.
      metadata([['cc_profile', 'cc.exam.v0p1'], ['qmd_assessmenttype', 'Examination'], ['qmd_scoretype', 'Percentage'], ['qmd_feedbackpermitted', 'Yes'], ['cc_maxattempts', 'unlimited']]),
      q('section', attrs({ ident: 'root_section' }), assessment.items.map((item) => itemXml(item, trueFalse))),
    ]),
  ]);
  return { root, prefixes: [['xsi', XSI_NS]] };
}

export const writeQtiAssessment = (assessment: QtiAssessment, trueFalse: { readonly true: string; readonly false: string }): string => serializeXml(qtiAssessmentXml(assessment, trueFalse));
