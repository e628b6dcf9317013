/**
 * How the game words a choice and a score, in one place for every screen that shows them (the
 * debrief's coaching and decision cards, the assessment verdict, the terminal player, Your progress
 * and the trainer dashboard). Pure strings.
 */

/** Double quotation marks an author may type: straight, curly, and low-9 („). */
const QUOTE_MARK = /["“”„]/;

/** Where a straight double quote opens a quotation: at the start, or after a space, bracket or dash. */
const OPENS_AFTER = /[\s([{‘“—–]/;

/**
 * An author's straight double quotes as curly pairs, so the debrief never mixes the two: a `"` at the
 * start, or after whitespace, an opening bracket or a dash, opens (“); any other closes (”).
 * `Keep stacking. "Aisle four."` → `Keep stacking. “Aisle four.”`. Curly and low-9 quotes, and single
 * quotes and apostrophes, are left as written.
 */
export function curlyQuotes(text: string): string {
  return text.replace(/"/g, (_, at: number) => {
    const before = at > 0 ? text[at - 1] : undefined;
    return before === undefined || OPENS_AFTER.test(before) ? '“' : '”';
  });
}

/**
 * A choice's words as the debrief shows them, in exactly one pair of curly double quotes:
 * - text that already has quotation marks (`"Honestly, the bio's much the same."`, or an action with
 *   speech in it, `Keep stacking. "Aisle four."`) keeps the author's quotes, made curly
 *   (`curlyQuotes`): they already say which words are spoken, and wrapping it again would double or
 *   nest them;
 * - text with none is wrapped in curly quotes (`“Aisle four.”`). That covers speech in stories that
 *   write it bare, and actions in stories that quote speech (`Keep stacking. Somebody else will help
 *   her.`): bare text cannot be told apart, and in a coaching sentence the quotes are what mark where
 *   the option's words begin and end.
 */
export function quoteChoice(text: string): string {
  const words = curlyQuotes(text.trim());
  return QUOTE_MARK.test(words) ? words : `“${words}”`;
}

/** Whether a total is below zero on an axis whose best is above it: its share then reads as 0%. */
const belowZero = (points: number, best: number) => points < 0 && best > 0;

const pointWord = (n: number) => (n === 1 ? 'point' : 'points');

/**
 * A score out of the best the scenario allows: "7 of 10 possible (70%)". A total below zero is not
 * 0%: it says so, "2 points below zero, out of 10 possible".
 */
export function scoreText(points: number, best: number, percent: number): string {
  if (belowZero(points, best)) return `${-points} ${pointWord(-points)} below zero, out of ${best} possible`;
  return `${points} of ${best} possible (${percent}%)`;
}

/** A score's share for a pass mark: "70%", or "below zero" for a total below zero (see `scoreText`). */
export function shareText(points: number, best: number, percent: number): string {
  return belowZero(points, best) ? 'below zero' : `${percent}%`;
}

/**
 * A recorded result's share, where the record keeps its points and percent but not the scenario's
 * bounds (attempts, results files, and bests and averages made from them): "70%", or "below zero"
 * for a total below zero, as `shareText` says it, so a trainer can tell −6 from 0. A total below zero
 * shows as 0% exactly when the best is above zero (`shareText`); without the best, a negative total
 * at 0% is taken as that. (On an axis where nothing above zero can be earned, a negative total at the
 * very worst also reads "below zero", which is still true.) `percent` may be an average: it is rounded.
 */
export function resultShareText(points: number, percent: number): string {
  const shown = Math.round(percent);
  return points < 0 && shown <= 0 ? 'below zero' : `${shown}%`;
}
