/**
 * The tag vocabulary scenarios are written in, and its validation.
 *
 * Every tag is `key: value`. Which keys are allowed depends on where the tag stands: the story header
 * (global tags), inside a choice's brackets (scoring marks and feedback), or on an output line (stage
 * directions and endings). The same functions serve the runtime engine and the source linter, so a
 * mark the linter accepts is one the engine understands.
 */
import { z } from 'zod';
import { didYouMean } from './suggest.ts';

export const AXES = ['de', 'own', 'res'] as const;
export type Axis = (typeof AXES)[number];
export const AXIS_NAMES: Record<Axis, string> = {
  de: 'De-escalation',
  own: 'Ownership',
  res: 'Resolution',
};
export type Score = Record<Axis, number>;
export const zeroScore = (): Score => ({ de: 0, own: 0, res: 0 });

export const EXPRESSIONS = ['neutral', 'pleased', 'annoyed', 'angry', 'confused', 'relieved'] as const;
export type Expression = (typeof EXPRESSIONS)[number];
export const POSES = ['kneel', 'stand', 'arms-crossed', 'point'] as const;
export type Pose = (typeof POSES)[number];
/** Backdrops a scene can move between (`#place: laundry`). */
export const PLACES = ['aisle', 'laundry'] as const;
export type Place = (typeof PLACES)[number];
export const ROLES = ['player', 'customer', 'manager', 'colleague', 'bystander'] as const;
export type Role = (typeof ROLES)[number];
export const SETTINGS = ['aisle', 'desk'] as const;
export const DIFFICULTIES = ['beginner', 'intermediate', 'advanced'] as const;

export const HEADER_KEYS = [
  'title',
  'summary',
  'setting',
  'difficulty',
  'minutes',
  'cast',
  'caller',
  'account',
  'facts',
  'pass',
] as const;
export const CHOICE_KEYS = ['de', 'own', 'res', 'feedback', 'mood', 'time', 'empathy', 'action'] as const;
/** Desk controls a choice can stand behind (`#action: hold`). */
export const ACTIONS = ['hold', 'transfer', 'mute'] as const;
export type DeskAction = (typeof ACTIONS)[number];
export const LINE_KEYS = [
  'react',
  'pose',
  'enter',
  'exit',
  'place',
  'mood',
  'time',
  'wait',
  'repeated',
  'ending',
  'resolved',
  'call',
  'rep',
  'breaker',
  'crm',
  'hold',
  'transfer',
  'dropped',
  'notes',
] as const;
const SCORE_KEYS: readonly string[] = ['de', 'own', 'res', 'feedback', 'empathy', 'action'];

export type TagContext = 'header' | 'choice' | 'line';

/** A tag split into key and value, or the reason it could not be. */
export type SplitTag = { ok: true; key: string; value: string } | { ok: false; message: string };

export function splitTag(raw: string): SplitTag {
  const text = raw.trim();
  const m = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/s.exec(text);
  if (!m) {
    const word = /^[A-Za-z][\w-]*/.exec(text)?.[0];
    return {
      ok: false,
      message: word
        ? `tag '#${text}' needs a colon: write '#${word}: value'`
        : `tag '#${text}' is not a 'key: value' tag`,
    };
  }
  return { ok: true, key: (m[1] ?? '').toLowerCase(), value: (m[2] ?? '').trim() };
}

/** Why `key` is wrong in `context`, or undefined when it belongs there. */
export function misplacedKey(key: string, context: TagContext): string | undefined {
  const here: readonly string[] =
    context === 'header' ? HEADER_KEYS : context === 'choice' ? CHOICE_KEYS : LINE_KEYS;
  if (here.includes(key)) return undefined;
  if (SCORE_KEYS.includes(key)) {
    return context === 'header'
      ? `'${key}' is a scoring tag and belongs on a choice, not in the header`
      : `scoring tag '${key}' must be inside the choice's [brackets]: after ']' it tags the line, not the choice`;
  }
  if ((LINE_KEYS as readonly string[]).includes(key)) {
    return context === 'choice'
      ? `'${key}' is a line tag: put it after the choice's ']' or on the line it changes`
      : `'${key}' is a line tag and cannot stand in the header`;
  }
  if ((HEADER_KEYS as readonly string[]).includes(key)) {
    return `'${key}' is a header tag: put it at the top of the file, before any text`;
  }
  const all = [...HEADER_KEYS, ...CHOICE_KEYS, ...LINE_KEYS];
  const what = context === 'choice' ? 'scoring mark' : context === 'header' ? 'header tag' : 'tag';
  const hint = didYouMean(key, here) || didYouMean(key, all);
  return `unknown ${what} '${key}'${hint}`;
}

/** `30s`, `2m`, `1m30s`, `1h 5m`: at least one part, at most 8 hours. Returns seconds. */
export const durationValue = z
  .string()
  .regex(
    /^(?=\d)(?:(\d+)\s*h)?\s*(?:(\d+)\s*m)?\s*(?:(\d+)\s*s)?$/,
    'expected a duration such as 30s, 2m or 1m30s',
  )
  .transform((v) => {
    const m = /^(?:(\d+)\s*h)?\s*(?:(\d+)\s*m)?\s*(?:(\d+)\s*s)?$/.exec(v);
    return Number(m?.[1] ?? 0) * 3600 + Number(m?.[2] ?? 0) * 60 + Number(m?.[3] ?? 0);
  })
  .pipe(z.number().max(8 * 3600, 'is longer than 8 hours'));

const moodValue = z
  .string()
  .regex(/^(0|[+-]([1-9]|10))$/, 'expected a signed whole number from -10 to +10 such as +1 or -2')
  .transform(Number);

const empathyValue = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    "expected a short key in lower case with hyphens, such as 'sorry-for-wait'",
  );

function parseValue<T>(
  schema: z.ZodType<T, string>,
  key: string,
  value: string,
  errors: string[],
): T | undefined {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  errors.push(`'${key}: ${value}': ${r.error.issues[0]?.message}`);
  return undefined;
}

/** The tags that split into key and value and belong in `context`; the rest become errors. */
function* placedTags(
  tags: readonly string[],
  context: TagContext,
  errors: string[],
): Generator<{ key: string; value: string }> {
  for (const raw of tags) {
    const split = splitTag(raw);
    const wrong = split.ok ? misplacedKey(split.key, context) : split.message;
    if (wrong !== undefined || !split.ok) errors.push(wrong ?? '');
    else yield split;
  }
}

const scoreValue = z
  .string()
  .regex(/^(0|[+-][1-5])$/, 'expected a signed whole number from -5 to +5 such as +2, -1 or 0')
  .transform(Number);

export interface ChoiceMarks {
  score: Score;
  /** Which axes the author marked explicitly (an unmarked axis counts 0). */
  marked: Axis[];
  feedback?: string;
  /** How the customer's mood moves when this is chosen. */
  mood?: number;
  /** Seconds this action takes beyond saying it (walking somewhere, looking something up). */
  time?: number;
  /** A stock empathy phrase: repeating the same key earns less de-escalation each time. */
  empathy?: string;
  /** The desk control this choice stands behind. */
  action?: DeskAction;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** Parses the tags found inside a choice's brackets. */
export function parseChoiceTags(tags: readonly string[]): Parsed<ChoiceMarks> {
  const errors: string[] = [];
  const score = zeroScore();
  const marked: Axis[] = [];
  let feedback: string | undefined;
  const extra: Pick<ChoiceMarks, 'mood' | 'time' | 'empathy' | 'action'> = {};
  for (const { key, value } of placedTags(tags, 'choice', errors)) {
    if (key === 'feedback') {
      if (value === '') errors.push('#feedback is empty: say why this choice scored as it did');
      else if (feedback !== undefined) errors.push('a choice has two #feedback tags');
      else feedback = value;
      continue;
    }
    if (key === 'action') {
      if (extra.action !== undefined) errors.push('a choice has two #action tags');
      else {
        const action = oneOf(value, ACTIONS, 'action', errors);
        if (action) extra.action = action;
      }
      continue;
    }
    if (key === 'mood' || key === 'time' || key === 'empathy') {
      if (key in extra) {
        errors.push(`a choice has two #${key} tags`);
        continue;
      }
      const v =
        key === 'mood'
          ? parseValue(moodValue, key, value, errors)
          : key === 'time'
            ? parseValue(durationValue, key, value, errors)
            : parseValue(empathyValue, key, value, errors);
      if (v !== undefined) Object.assign(extra, { [key]: v });
      continue;
    }
    const axis = key as Axis;
    const parsed = scoreValue.safeParse(value);
    if (!parsed.success) {
      errors.push(`scoring mark '${axis}: ${value}': ${parsed.error.issues[0]?.message}`);
    } else if (marked.includes(axis)) {
      errors.push(`scoring mark '${axis}' appears twice on one choice`);
    } else {
      score[axis] = parsed.data;
      marked.push(axis);
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: { score, marked, feedback, ...extra } };
}

export type Direction =
  | { kind: 'react'; who?: string; expression: Expression }
  | { kind: 'pose'; who: string; pose: Pose }
  | { kind: 'enter'; who: string }
  | { kind: 'exit'; who: string }
  | { kind: 'place'; place: Place };

export interface LineMarks {
  directions: Direction[];
  ending?: string;
  /** With an ending: was the customer's problem solved in this contact? */
  resolved?: boolean;
  /** How the customer's mood moves at this line. */
  mood?: number;
  /** Seconds that pass at this line (walking, looking something up). */
  time?: number;
  /** Seconds the customer is kept waiting here: time passes and patience drains. */
  wait?: number;
  /** What the customer had to repeat (they had said it before). */
  repeated?: string;
  /** A new call starts, in this department. */
  call?: string;
  /** The rep the trainee plays on this call. */
  rep?: string;
  /** What would have broken the chain on this call. */
  breaker?: string;
  /** A note added to the CRM history. */
  crm?: string;
  /** The customer is put on hold for this long. */
  hold?: { seconds: number; asked: boolean };
  /** The call is transferred. */
  transfer?: { to: string; warm: boolean };
  /** The line dropped, and why. */
  dropped?: string;
  /** The rep writes call notes after this line (the value labels the call). */
  notes?: string;
}

function castName(value: string, cast: readonly string[], errors: string[], key: string): string | undefined {
  const found = cast.find((c) => c.toLowerCase() === value.toLowerCase());
  if (found) return found;
  errors.push(
    value === ''
      ? `#${key} needs a cast name`
      : `#${key}: '${value}' is not in the cast${didYouMean(value, cast)}; the cast is ${cast.join(', ')}`,
  );
  return undefined;
}

/** Splits "Man with trolley annoyed" into a cast name and a trailing word. */
function nameAndWord(value: string): { name: string; word: string } {
  const i = value.lastIndexOf(' ');
  return i < 0 ? { name: '', word: value } : { name: value.slice(0, i).trim(), word: value.slice(i + 1) };
}

function oneOf<T extends string>(
  word: string,
  options: readonly T[],
  what: string,
  errors: string[],
): T | undefined {
  const w = word.toLowerCase();
  if ((options as readonly string[]).includes(w)) return w as T;
  errors.push(`unknown ${what} '${word}'${didYouMean(w, options)}; use one of ${options.join(', ')}`);
  return undefined;
}

const TEXT_EXAMPLES: Record<string, string> = {
  call: '#call: Sales',
  rep: '#rep: Sam',
  breaker: '#breaker: Sales can do device swaps: own it.',
  crm: '#crm: 14:02 Sales: wants a new phone',
  dropped: '#dropped: the line went dead',
  notes: '#notes: call 1',
};

/** Parses the tags of an output line (not the header, not a choice). */
export function parseLineTags(tags: readonly string[], cast: readonly string[]): Parsed<LineMarks> {
  const errors: string[] = [];
  const directions: Direction[] = [];
  let ending: string | undefined;
  const extra: Omit<LineMarks, 'directions' | 'ending'> = {};
  const once = (key: string): boolean => {
    if (!(key in extra)) return true;
    errors.push(`a line has two #${key} tags`);
    return false;
  };
  for (const { key, value } of placedTags(tags, 'line', errors)) {
    switch (key) {
      case 'mood':
        if (once(key)) extra.mood = parseValue(moodValue, key, value, errors);
        break;
      case 'time':
      case 'wait':
        if (once(key)) extra[key] = parseValue(durationValue, key, value, errors);
        break;
      case 'repeated':
        if (value === '') errors.push('#repeated needs what was repeated, e.g. #repeated: account number');
        else if (once(key)) extra.repeated = value;
        break;
      case 'call':
      case 'rep':
      case 'breaker':
      case 'crm':
      case 'dropped':
      case 'notes':
        if (value === '') errors.push(`#${key} needs a value, e.g. ${TEXT_EXAMPLES[key]}`);
        else if (once(key)) extra[key] = value;
        break;
      case 'hold': {
        const m = /^(.*?)(?:\s+(asked))?$/i.exec(value);
        const seconds = parseValue(durationValue, key, (m?.[1] ?? '').trim(), errors);
        if (seconds !== undefined && once(key)) extra.hold = { seconds, asked: Boolean(m?.[2]) };
        break;
      }
      case 'transfer': {
        const m = /^(.+?)\s+(warm|cold)$/i.exec(value);
        if (!m)
          errors.push(
            `'transfer: ${value}': expected a department then warm or cold, e.g. #transfer: Sales warm`,
          );
        else if (once(key))
          extra.transfer = { to: (m[1] ?? '').trim(), warm: (m[2] ?? '').toLowerCase() === 'warm' };
        break;
      }
      case 'resolved': {
        const v = value.toLowerCase();
        if (v !== 'yes' && v !== 'no') errors.push(`'resolved: ${value}': expected yes or no`);
        else if (once(key)) extra.resolved = v === 'yes';
        break;
      }
      case 'ending':
        if (value === '') errors.push('#ending needs a title, e.g. #ending: Shopper served, shelf done');
        else ending = value;
        break;
      case 'enter':
      case 'exit': {
        const who = castName(value, cast, errors, key);
        if (who) directions.push({ kind: key, who });
        break;
      }
      case 'place': {
        const place = oneOf(value, PLACES, 'place', errors);
        if (place) directions.push({ kind: 'place', place });
        break;
      }
      case 'react': {
        const { name, word } = nameAndWord(value);
        const expression = oneOf(word, EXPRESSIONS, 'expression', errors);
        const who = name === '' ? undefined : castName(name, cast, errors, key);
        if (expression && (name === '' || who)) directions.push({ kind: 'react', who, expression });
        break;
      }
      case 'pose': {
        const { name, word } = nameAndWord(value);
        if (name === '') {
          errors.push(`#pose needs a cast name and a pose, e.g. #pose: ${cast[0] ?? 'You'} stand`);
          break;
        }
        const pose = oneOf(word, POSES, 'pose', errors);
        const who = castName(name, cast, errors, key);
        if (pose && who) directions.push({ kind: 'pose', who, pose });
        break;
      }
    }
  }
  if (ending !== undefined && extra.resolved === undefined && errors.length === 0) {
    errors.push('#ending needs #resolved: yes or #resolved: no on the same line (was the problem solved?)');
  }
  if (ending === undefined && extra.resolved !== undefined) {
    errors.push('#resolved belongs on the ending line, next to #ending');
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: { directions, ending, ...extra } };
}

export interface CastMember {
  name: string;
  role: Role;
}

const castSchema = z
  .string()
  .transform((s, ctx) => {
    const members: CastMember[] = [];
    for (const part of s.split(',')) {
      const m = /^\s*([^=]+?)\s*=\s*([\w-]+)\s*$/.exec(part);
      if (!m) {
        ctx.addIssue({ code: 'custom', message: `'${part.trim()}' is not written Name=role` });
        return z.NEVER;
      }
      const role = (m[2] ?? '').toLowerCase();
      if (!(ROLES as readonly string[]).includes(role)) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown role '${role}'${didYouMean(role, ROLES)}; roles are ${ROLES.join(', ')}`,
        });
        return z.NEVER;
      }
      members.push({ name: m[1] ?? '', role: role as Role });
    }
    return members;
  })
  .superRefine((members, ctx) => {
    for (const role of ROLES) {
      const n = members.filter((m) => m.role === role).length;
      const needsOne = role === 'player' || role === 'customer';
      if (needsOne && n !== 1)
        ctx.addIssue({ code: 'custom', message: `needs exactly one ${role}, found ${n}` });
      if (!needsOne && n > 1) ctx.addIssue({ code: 'custom', message: `at most one ${role}, found ${n}` });
    }
    const names = members.map((m) => m.name.toLowerCase());
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup) ctx.addIssue({ code: 'custom', message: `'${dup}' is in the cast twice` });
  });

export interface Fact {
  key: string;
  text: string;
}

const factsSchema = z.string().transform((s, ctx) => {
  const facts: Fact[] = [];
  for (const part of s.split(',')) {
    const m = /^\s*([a-z][a-z0-9_]*)\s*=\s*(.+?)\s*$/.exec(part);
    if (!m) {
      ctx.addIssue({
        code: 'custom',
        message: `'${part.trim()}' is not written key=what it says (key in lower case)`,
      });
      return z.NEVER;
    }
    if (facts.some((f) => f.key === m[1])) {
      ctx.addIssue({ code: 'custom', message: `fact '${m[1]}' is listed twice` });
      return z.NEVER;
    }
    facts.push({ key: m[1] ?? '', text: m[2] ?? '' });
  }
  return facts;
});

/**
 * Assessment pass marks, per axis, as percentages of the best the story allows:
 * `# pass: de 60, own 60, res 50`. Every axis must be given once.
 */
export type PassMarks = Record<Axis, number>;
const passSchema = z.string().transform((s, ctx): PassMarks => {
  const marks: Partial<PassMarks> = {};
  for (const part of s.split(',')) {
    const m = /^\s*([a-z]+)\s*:?\s*(\d{1,3})\s*%?\s*$/.exec(part);
    const axis = m?.[1] as Axis | undefined;
    if (!m || !axis) {
      ctx.addIssue({
        code: 'custom',
        message: `'${part.trim()}' is not written axis percent (like 'de 60')`,
      });
      return z.NEVER;
    }
    if (!(AXES as readonly string[]).includes(axis)) {
      ctx.addIssue({
        code: 'custom',
        message: `'${axis}' is not an axis${didYouMean(axis, AXES) || ` (use ${AXES.join(', ')})`}`,
      });
      return z.NEVER;
    }
    if (marks[axis] !== undefined) {
      ctx.addIssue({ code: 'custom', message: `'${axis}' is given twice` });
      return z.NEVER;
    }
    const value = Number(m[2]);
    if (value > 100) {
      ctx.addIssue({ code: 'custom', message: `${axis} ${value} is above 100%` });
      return z.NEVER;
    }
    marks[axis] = value;
  }
  const missing = AXES.filter((a) => marks[a] === undefined);
  if (missing.length) {
    ctx.addIssue({ code: 'custom', message: `gives no mark for ${missing.join(', ')}` });
    return z.NEVER;
  }
  return marks as PassMarks;
});

export const MetadataSchema = z.object({
  title: z.string().min(1, 'is empty').max(80, 'is longer than 80 characters'),
  summary: z.string().min(1, 'is empty').max(300, 'is longer than 300 characters'),
  setting: z.enum(SETTINGS, { error: () => `must be one of ${SETTINGS.join(', ')}` }),
  difficulty: z.enum(DIFFICULTIES, { error: () => `must be one of ${DIFFICULTIES.join(', ')}` }),
  minutes: z
    .string()
    .regex(/^\d+$/, 'must be a whole number of minutes')
    .transform(Number)
    .pipe(z.number().min(1, 'must be at least 1').max(120, 'must be at most 120')),
  cast: castSchema,
  caller: z.string().min(1, 'is empty').max(80, 'is longer than 80 characters').optional(),
  account: z.string().min(1, 'is empty').max(120, 'is longer than 120 characters').optional(),
  facts: factsSchema.optional(),
  pass: passSchema.optional(),
});
export type Metadata = z.output<typeof MetadataSchema>;

export interface HeaderIssue {
  /** Index into the tags given, when the problem is one tag's. */
  tagIndex?: number;
  message: string;
}

/** Validates a story's global tags as its metadata. */
export function parseHeader(
  tags: readonly string[],
): { ok: true; value: Metadata } | { ok: false; issues: HeaderIssue[] } {
  const issues: HeaderIssue[] = [];
  const fields: Record<string, string> = {};
  const where: Record<string, number> = {};
  tags.forEach((raw, tagIndex) => {
    const split = splitTag(raw);
    const problem = !split.ok
      ? split.message
      : (misplacedKey(split.key, 'header') ??
        (split.key in fields ? `header tag '${split.key}' appears twice` : undefined));
    if (problem !== undefined || !split.ok) {
      issues.push({ tagIndex, message: problem ?? '' });
      return;
    }
    fields[split.key] = split.value;
    where[split.key] = tagIndex;
  });
  const result = MetadataSchema.safeParse(fields);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? '');
      if (!(key in fields)) {
        issues.push({ message: `the header has no '# ${key}: ...' tag` });
      } else {
        issues.push({
          tagIndex: where[key],
          message: `header tag '${key}: ${fields[key]}' ${issue.message}`,
        });
      }
    }
  }
  return issues.length || !result.success ? { ok: false, issues } : { ok: true, value: result.data };
}

/**
 * Splits "Shopper: Hello" into speaker and text when the prefix is a cast name. A prefix that looks
 * like a misspelt cast name is reported, so a typo does not silently turn dialogue into narration.
 */
export function splitSpeaker(
  line: string,
  cast: readonly string[],
): { speaker?: string; text: string; error?: string } {
  const m = /^\s*([A-Za-z][A-Za-z .'-]{0,30}?)\s*:\s+(.*)$/s.exec(line);
  if (!m) return { text: line.trim() };
  const prefix = m[1] ?? '';
  const found = cast.find((c) => c.toLowerCase() === prefix.toLowerCase());
  if (found) return { speaker: found, text: (m[2] ?? '').trim() };
  const hint = didYouMean(prefix, cast);
  if (hint) return { text: line.trim(), error: `unknown speaker '${prefix}'${hint}` };
  return { text: line.trim() };
}
