/**
 * Excel's entry for the custom functions (webpack.config.js → functions.js, first on the page).
 * It holds only what `CustomFunctions.associate` needs: one small wrapper per FUND function
 * (./lazy). The functions' code — ./functions and the core it calls — is the chunk fund-core.js,
 * fetched right after (the page preloads it); a call made before it arrives waits for it.
 *
 * The build appends `register([[id, exportName], …])` to this file with every function of the
 * metadata (scripts/lazy-functions.js, from the same JSDoc as functions.json), as the metadata
 * plugin does for the function files themselves in the WPS build (src/wps/functions.ts).
 */
import { lazyFunctions } from "./lazy";
import type * as Functions from "./functions";

export const functions = lazyFunctions(
  () => import(/* webpackChunkName: "fund-functions" */ "./functions")
);

/** Associates every function with its wrapper, then fetches their code. */
export function register(
  table: ReadonlyArray<readonly [id: string, exportName: keyof typeof Functions]>
): void {
  for (const [id, name] of table) CustomFunctions.associate(id, functions.wrapper(name));
  // A failure here is not lost: each call made meanwhile answers #N/A saying so and fetches again.
  functions.load().catch(() => undefined);
}
