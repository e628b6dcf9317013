/**
 * The trainee's settings, kept in localStorage and validated with zod on the way in. Older versions
 * are migrated explicitly; a stored value that does not parse is set aside under its own key (never
 * silently dropped) and the trainee is told.
 */
import { z } from 'zod';

const V1 = z.object({ version: z.literal(1), showMood: z.boolean() });

export const SettingsSchema = z.object({
  version: z.literal(2),
  /** Show the customer's mood meter while playing. */
  showMood: z.boolean(),
  /** Master volume, 0…1. */
  volume: z.number().min(0).max(1),
  muted: z.boolean(),
  /** Show a caption for every sound. */
  captions: z.boolean(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  version: 2,
  showMood: false,
  volume: 0.8,
  muted: false,
  captions: true,
};
const KEY = 'bts.settings';

export interface LoadedSettings {
  settings: Settings;
  /** Why the stored settings could not be used, if they could not. */
  problem?: string;
}

/** Brings an older stored shape up to date; undefined when it is not one we know. */
function migrate(value: unknown): Settings | undefined {
  const v1 = V1.safeParse(value);
  if (v1.success) return { ...DEFAULT_SETTINGS, showMood: v1.data.showMood };
  return undefined;
}

export function loadSettings(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined): LoadedSettings {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(KEY) ?? null;
  } catch {
    return { settings: { ...DEFAULT_SETTINGS }, problem: 'This browser does not allow saved settings here.' };
  }
  if (raw === null) return { settings: { ...DEFAULT_SETTINGS } };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  const result = SettingsSchema.safeParse(parsed);
  if (result.success) return { settings: result.data };
  const migrated = migrate(parsed);
  if (migrated) return { settings: migrated };
  const issue = result.error.issues[0];
  const why =
    parsed === undefined
      ? 'not valid JSON'
      : `${issue?.path.join('.') || 'value'}: ${issue?.message ?? 'invalid'}`;
  try {
    storage?.setItem(`${KEY}.corrupt-${Date.now()}`, raw);
  } catch {
    // Keeping the copy is best effort; the message below still tells the trainee.
  }
  return {
    settings: { ...DEFAULT_SETTINGS },
    problem: `Saved settings could not be read (${why}); the defaults are in use and the old copy was kept.`,
  };
}

export function saveSettings(storage: Pick<Storage, 'setItem'> | undefined, settings: Settings): boolean {
  try {
    storage?.setItem(KEY, JSON.stringify(SettingsSchema.parse(settings)));
    return true;
  } catch {
    return false;
  }
}
