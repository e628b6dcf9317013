/**
 * How the debrief words a choice and a score, in one place for every screen that shows them (the
 * debrief's coaching and decision cards, the assessment verdict, the terminal player). Pure strings.
 */

/** Double quotation marks an author may type: straight, curly, and low-9 („). */
const QUOTE_MARK = /["“”„]/;

/**
 * A choice's words as the debrief shows them, in exactly one pair of double quotes:
 * - text that already has quotation marks (`"Honestly, the bio's much the same."`, or an action with
 *   speech in it, `Keep stacking. "Aisle four."`) is shown as the author wrote it: the author's quotes
 *   already say which words are spoken, and wrapping it again would double or nest them;
 * - text with none is wrapped in curly quotes (`“Aisle four.”`). That covers speech in stories that
 *   write it bare, and actions in stories that quote speech (`Keep stacking. Somebody else will help
 *   her.`): bare text cannot be told apart, and in a coaching sentence the quotes are what mark where
 *   the option's words begin and end.
 */
export function quoteChoice(text: string): string {
  const words = text.trim();
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
