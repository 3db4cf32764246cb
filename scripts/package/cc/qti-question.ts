/**
 * A question as the Common Cartridge 1.1 QTI profile can carry it, before it is written as QTI XML
 * (qti-items.ts). Each question type's build half (scripts/questions/) says which of these it
 * becomes, or why it cannot be one; the profile has six item types (CC 1.1 QTI profile, "cc_profile"
 * item metadata), of which coursemark writes five: essay only for shared reflections.
 */

/** CC 1.1 QTI profile item types (`cc_profile` in the item's metadata). */
export type CcItemProfile = 'cc.multiple_choice.v0p1' | 'cc.multiple_response.v0p1' | 'cc.true_false.v0p1' | 'cc.fib.v0p1' | 'cc.essay.v0p1';

/** A choice by the player's id ('a', 'b', ...). */
export interface QtiChoice {
  readonly id: string;
  readonly text: string;
}

export type QtiQuestion =
  | { readonly profile: 'cc.multiple_choice.v0p1'; readonly choices: readonly QtiChoice[]; readonly correct: string }
  | { readonly profile: 'cc.multiple_response.v0p1'; readonly choices: readonly QtiChoice[]; readonly correct: readonly string[] }
  | { readonly profile: 'cc.true_false.v0p1'; readonly correct: boolean }
  /** Accepted answers, each compared whole; `caseSensitive` as the author asked. */
  | { readonly profile: 'cc.fib.v0p1'; readonly answers: readonly string[]; readonly caseSensitive: boolean };

/** A question type (or a question of it) that the profile cannot score as the player does. */
export interface NotInProfile {
  readonly notInProfile: string;
}

export const notInProfile = (reason: string): NotInProfile => ({ notInProfile: reason });

export const isInProfile = (value: QtiQuestion | NotInProfile): value is QtiQuestion => !('notInProfile' in value);
