export { createStatementEmitter, type StatementEmitter, type StatementEmitterOptions } from './statement-emitter.js';
export { uuidV4, type RandomSource } from './uuid.js';
export { isoDuration } from './iso-duration.js';
export { correctResponsesPattern, interactionDefinition, interactionType, longFillInDefinition, responsePattern, LIST, PAIR, RANGE, type InteractionType } from './interaction-definitions.js';
export { mergeContext } from './merge-context.js';
