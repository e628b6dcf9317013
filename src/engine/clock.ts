/**
 * The call clock: how long things take. Spoken lines take speaking time; authors add time for what
 * happens between lines (`#time`) and for keeping the customer waiting (`#wait`).
 */

/** A calm speaking pace: 150 words a minute. */
export const WORDS_PER_SECOND = 2.5;
/** Even "Yes." takes a moment in a real conversation. */
export const MIN_LINE_SECONDS = 2;

/** Seconds it takes to say `text` aloud. */
export function speakingSeconds(text: string): number {
  const words = text.split(/\s+/).filter((w) => /\w/.test(w)).length;
  return words === 0 ? 0 : Math.max(MIN_LINE_SECONDS, Math.round(words / WORDS_PER_SECOND));
}

/** "45 s", "12 min", "1 h 52 min": for people, not machines. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  return rest >= 30 && m < 10 ? `${m} min ${rest} s` : `${m} min`;
}

/** "4:05" or "1:52:07": a clock face for the running call. */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
