/**
 * Every interface string, for pages, directive elements and views: the shell's strings and the
 * rest, which `virtual:coursemark/view-messages` brings in its own chunk. The shell must not import
 * this module (it uses `shellMessages`, course-context.ts), or the first paint would carry them all.
 */
import { messages as shell } from 'virtual:coursemark/messages';
import { messages as views } from 'virtual:coursemark/view-messages';
import type { Messages } from './i18n/messages.js';

const all: Messages = { ...shell, ...views };

export function messagesOf(): Messages {
  return all;
}
