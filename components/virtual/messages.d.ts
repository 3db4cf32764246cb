// Types of the `virtual:coursemark/messages` module the build generates (scripts/bundle/): the
// message table of the course language, re-exported from i18n/.
import type { Messages } from '../i18n/messages.js';

export declare const messages: Messages;
