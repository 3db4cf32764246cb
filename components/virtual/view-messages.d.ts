// Types of the `virtual:coursemark/view-messages` module the build generates (scripts/render/message-modules.ts):
// the strings of pages and views, in the course language, outside the entry's chunk.
import type { ViewMessages } from '../i18n/messages.js';

export declare const messages: ViewMessages;
