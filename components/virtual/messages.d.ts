// Types of the `virtual:coursemark/messages` module the build generates (scripts/render/message-modules.ts):
// the strings the shell paints with, in the course language.
import type { ShellMessages } from '../i18n/messages.js';

export declare const messages: ShellMessages;
