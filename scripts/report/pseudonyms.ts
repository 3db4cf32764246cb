/**
 * Learner pseudonyms: a keyed hash of the identifier, so the report never shows an email address or
 * a name. The key is random for each report unless the author gives one (`--salt`): without the key
 * nobody can test a guessed address against a pseudonym, and with the same key two reports name the
 * same learner alike.
 */
import { createHmac, randomBytes } from 'node:crypto';

export type Pseudonymise = (identifier: string) => string;

export function pseudonyms(salt: string = randomBytes(16).toString('hex')): Pseudonymise {
  const seen = new Map<string, string>();
  return (identifier) => {
    let name = seen.get(identifier);
    if (name === undefined) {
      name = `learner-${createHmac('sha256', salt).update(identifier).digest('hex').slice(0, 10)}`;
      seen.set(identifier, name);
    }
    return name;
  };
}
