/**
 * Every question type's build half, by type. The mapped type makes a type without its reader a
 * compile error, as components/questions/registry.ts does for the browser half; the type names an
 * author may write come from here.
 */
import type { QuestionType } from '../../components/course-data.js';
import { fillIn } from './fill-in.js';
import { matching } from './matching.js';
import { multipleResponse } from './multiple-response.js';
import { numeric } from './numeric.js';
import type { QuestionReader, TypeSetting } from './question-reader.js';
import { sequencing } from './sequencing.js';
import { singleChoice } from './single-choice.js';
import { trueFalse } from './true-false.js';

export type QuestionReaderTable = { readonly [K in QuestionType]: QuestionReader<K> };

export const questionReaders = {
  'single-choice': singleChoice,
  'multiple-response': multipleResponse,
  'true-false': trueFalse,
  'fill-in': fillIn,
  numeric,
  matching,
  sequencing,
} as const satisfies QuestionReaderTable;

/** The type names, in the order the author's guide lists them. */
export const questionTypes = Object.keys(questionReaders) as QuestionType[];

/** The reader of a type known only at run time (see components/questions/registry.ts, kindOf). */
export function readerOf(type: QuestionType): QuestionReader<QuestionType> {
  return questionReaders[type] as QuestionReader<QuestionType>;
}

/** The types that read each type-specific setting, for the unused-setting warning. */
export function typesReading(setting: TypeSetting): QuestionType[] {
  return questionTypes.filter((type) => questionReaders[type].settings.includes(setting));
}
