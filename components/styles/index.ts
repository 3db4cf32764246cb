export { base, tokens } from './theme.js';
export { prose } from './prose.js';
