/**
 * The product's review engine (src/workbook/review/engine) as the command line runs it: named by
 * its module, so that a review child (./worker.ts) loads this very engine.
 */
import { ReviewEngine, coreEngine as core } from "../workbook/review/engine";

export const coreEngine: ReviewEngine = { ...core, module: __filename };

/** What a review child loads from `module`. */
export const engine = coreEngine;
