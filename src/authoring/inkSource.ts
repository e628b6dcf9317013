/**
 * The one reader of ink source lines that the tools share (the scenario map, the checker): knot and
 * stitch headers and names. Unicode-aware, as ink is: a knot called `café` or `申し込み` is a knot.
 */

/** An ink name: letters of any script, digits and underscores. */
const NAME = String.raw`[\p{L}\p{N}_]+`;

/** `=== knot ===`, `== function name(x) ==`: group 1 says it is a function, group 2 is the name. */
export const KNOT_HEADER = new RegExp(String.raw`^\s*={2,}\s*(function\s+)?(${NAME})`, 'u');

/** `= stitch` (and `= stitch(x)`): group 1 is the name. */
export const STITCH_HEADER = new RegExp(String.raw`^\s*=(?!=)\s*(${NAME})`, 'u');

/** A divert target at the start of `text`: `knot`, `knot.stitch`, `knot . label`. */
export const TARGET = new RegExp(String.raw`^\s*(${NAME}(?:\s*\.\s*${NAME})*)`, 'u');
