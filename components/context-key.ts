import type { Context } from '@lit/context';

/**
 * A context's key, typed with the value it carries: what `createContext` of @lit/context returns,
 * which is the key itself. The shell declares the player's contexts but neither provides nor
 * consumes one; importing the package for `createContext` would put the package's controllers
 * into the shell's module graph, and the bundler would then load them before the first paint.
 */
export function contextKey<ValueType>(key: symbol): Context<symbol, ValueType> {
  return key as Context<symbol, ValueType>;
}
