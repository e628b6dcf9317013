import { describe, expect, it } from 'vitest';
import { closest, didYouMean } from '../../src/engine/suggest.ts';
import {
  parseChoiceTags,
  parseHeader,
  parseLineTags,
  splitSpeaker,
  splitTag,
} from '../../src/engine/tags.ts';

const CAST = ['You', 'Shopper', 'Man with trolley'];

describe('splitTag', () => {
  it('splits key and value', () => {
    expect(splitTag(' own: +2 ')).toEqual({ ok: true, key: 'own', value: '+2' });
  });
  it('explains a missing colon', () => {
    expect(splitTag('own +2')).toEqual({
      ok: false,
      message: "tag '#own +2' needs a colon: write '#own: value'",
    });
  });
});

describe('suggestions', () => {
  it('suggests close keys and names only', () => {
    expect(closest('ownr', ['de', 'own', 'res'])).toBe('own');
    expect(closest('Shoper', CAST)).toBe('Shopper');
    expect(closest('banana', ['de', 'own', 'res'])).toBeUndefined();
    expect(didYouMean('rse', ['de', 'own', 'res'])).toBe(" (did you mean 'res'?)");
  });
});

describe('parseChoiceTags', () => {
  it('reads marks and feedback; unmarked axes count 0', () => {
    const r = parseChoiceTags(['de: -1', 'res: +2', 'feedback: Because.']);
    expect(r).toEqual({
      ok: true,
      value: { score: { de: -1, own: 0, res: 2 }, marked: ['de', 'res'], feedback: 'Because.' },
    });
  });
  it.each([
    ['ownr: +1', "unknown scoring mark 'ownr' (did you mean 'own'?)"],
    ['own: 2', "scoring mark 'own: 2': expected a signed whole number from -5 to +5 such as +2, -1 or 0"],
    ['own: +9', "scoring mark 'own: +9': expected a signed whole number from -5 to +5 such as +2, -1 or 0"],
    ['react: pleased', "'react' is a line tag: put it after the choice's ']' or on the line it changes"],
    ['feedback:', '#feedback is empty: say why this choice scored as it did'],
    ['title: x', "'title' is a header tag: put it at the top of the file, before any text"],
  ])('rejects %s', (tag, message) => {
    expect(parseChoiceTags([tag])).toEqual({ ok: false, errors: [message] });
  });
  it('rejects a repeated axis', () => {
    expect(parseChoiceTags(['de: +1', 'de: +2'])).toEqual({
      ok: false,
      errors: ["scoring mark 'de' appears twice on one choice"],
    });
  });
});

describe('parseLineTags', () => {
  it('reads stage directions and endings', () => {
    const r = parseLineTags(
      [
        'react: annoyed',
        'pose: Man with trolley arms-crossed',
        'enter: shopper',
        'ending: Done',
        'resolved: yes',
      ],
      CAST,
    );
    expect(r).toEqual({
      ok: true,
      value: {
        directions: [
          { kind: 'react', who: undefined, expression: 'annoyed' },
          { kind: 'pose', who: 'Man with trolley', pose: 'arms-crossed' },
          { kind: 'enter', who: 'Shopper' },
        ],
        ending: 'Done',
        resolved: true,
      },
    });
  });
  it.each([
    [
      'react: anoyed',
      "unknown expression 'anoyed' (did you mean 'annoyed'?); use one of neutral, pleased, annoyed, angry, confused, relieved",
    ],
    [
      'enter: Shoper',
      "#enter: 'Shoper' is not in the cast (did you mean 'Shopper'?); the cast is You, Shopper, Man with trolley",
    ],
    [
      'own: +1',
      "scoring tag 'own' must be inside the choice's [brackets]: after ']' it tags the line, not the choice",
    ],
    ['pose: stand', '#pose needs a cast name and a pose, e.g. #pose: You stand'],
    ['moood: -1', "unknown tag 'moood' (did you mean 'mood'?)"],
    ['mood: -20', "'mood: -20': expected a signed whole number from -10 to +10 such as +1 or -2"],
    ['wait: soon', "'wait: soon': expected a duration such as 30s, 2m or 1m30s"],
    [
      'ending: Done',
      '#ending needs #resolved: yes or #resolved: no on the same line (was the problem solved?)',
    ],
    ['resolved: yes', '#resolved belongs on the ending line, next to #ending'],
  ])('rejects %s', (tag, message) => {
    expect(parseLineTags([tag], CAST)).toEqual({ ok: false, errors: [message] });
  });
});

describe('parseHeader', () => {
  const good = [
    'title: T',
    'summary: S',
    'setting: aisle',
    'difficulty: beginner',
    'minutes: 5',
    'cast: You=player, Shopper=customer',
  ];
  it('validates metadata', () => {
    const r = parseHeader(good);
    expect(r.ok && r.value).toMatchObject({
      minutes: 5,
      cast: [
        { name: 'You', role: 'player' },
        { name: 'Shopper', role: 'customer' },
      ],
    });
  });
  it('says which tag is wrong and why', () => {
    const r = parseHeader(
      good.map((t) => t.replace('beginner', 'easy').replace('minutes: 5', 'minutes: soon')),
    );
    expect(r).toEqual({
      ok: false,
      issues: [
        {
          tagIndex: 3,
          message: "header tag 'difficulty: easy' must be one of beginner, intermediate, advanced",
        },
        { tagIndex: 4, message: "header tag 'minutes: soon' must be a whole number of minutes" },
      ],
    });
  });
  it('requires every field and a valid cast', () => {
    const r = parseHeader(['title: T', 'cast: You=player, Bob=custmer']);
    expect(r.ok).toBe(false);
    const text = !r.ok ? r.issues.map((i) => i.message) : [];
    expect(text).toContain(
      "header tag 'cast: You=player, Bob=custmer' unknown role 'custmer' (did you mean 'customer'?); roles are player, customer, manager, colleague, bystander",
    );
    expect(text).toContain("the header has no '# summary: ...' tag");
  });
});

describe('splitSpeaker', () => {
  it('takes a cast name off the line', () => {
    expect(splitSpeaker('Man with trolley: Are the chickens done?', CAST)).toEqual({
      speaker: 'Man with trolley',
      text: 'Are the chickens done?',
    });
  });
  it('leaves narration with a colon alone', () => {
    expect(splitSpeaker('Note: the shelf is empty.', CAST)).toEqual({ text: 'Note: the shelf is empty.' });
  });
  it('flags a misspelt speaker', () => {
    expect(splitSpeaker('Shoper: Hello', CAST).error).toBe(
      "unknown speaker 'Shoper' (did you mean 'Shopper'?)",
    );
  });
});
