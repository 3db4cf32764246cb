import { expect, test } from 'vitest';
import { fr } from '../../components/i18n/fr.js';
import type { TableFor } from '../../components/i18n/messages.js';

// Type-level checks: `npm run typecheck` compiles this file, and each `@ts-expect-error` fails the
// build if the table type stops refusing what it must refuse. The runtime assertions only keep vitest
// from calling the file empty.

const { next: _next, ...withoutNext } = fr;
// @ts-expect-error a table without one message is incomplete
const missingMessage: TableFor<'fr'> = withoutNext;

// @ts-expect-error a text that loses its placeholder ("{percent} terminé") is refused
const lostPlaceholder: TableFor<'fr'> = { ...fr, progressComplete: 'terminé' };

// @ts-expect-error French needs its "many" plural form (CLDR: one, many, other)
const missingPlural: TableFor<'fr'> = { ...fr, coverPages: { one: '{count} page', other: '{count} pages' } };

// @ts-expect-error Polish needs "few" and "many" as well
const polishWithFrenchForms: TableFor<'pl'> = { ...fr };

// @ts-expect-error a message group (launchProblem) needs every one of its texts
const missingGroupText: TableFor<'fr'> = { ...fr, launchProblem: { 'relaunch-required': 'x', 'lrs-unavailable': 'y' } };

// A complete table, placeholders in another order included, is accepted.
const reordered: TableFor<'fr'> = { ...fr, moved: 'Position {position} sur {total} : {item}.' };

test('the table type refuses incomplete tables (checked by the type checker)', () => {
  expect([missingMessage, lostPlaceholder, missingPlural, polishWithFrenchForms, missingGroupText, reordered]).toHaveLength(6);
});
