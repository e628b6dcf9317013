import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { csvDocument, csvField, csvText } from '../../src/storage/csv.ts';
import {
  buildResultsFile,
  type CatalogStory,
  CSV_HEADER,
  checkResultsFile,
  emptyCohort,
  MAX_RESULTS_FILE_SIZE,
  mergeCohort,
  nameKey,
  parseResultsFile,
  RESULTS_FORMAT,
  type ResultsFile,
  resultsCsv,
  resultsFileName,
  resultsJson,
} from '../../src/storage/exchange.ts';
import { describeIssues, EARLIEST_DATE, MAX_CALL_SECONDS, tidyName } from '../../src/storage/fields.ts';
import { cohortTable, cohortTableCsv } from '../../src/storage/insights.ts';
import { type Attempt, checkName } from '../../src/storage/schema.ts';
import { IDBFactory, open } from './helpers.ts';

const exportedAt = new Date('2025-03-14T17:00:00.000Z');

function attempt(id: string, over: Partial<Attempt> = {}): Attempt {
  return {
    schemaVersion: 2,
    id,
    profileId: 'p1',
    storyId: 'aisle',
    storyHash: 'h1',
    mode: 'assessment',
    startedAt: '2025-03-14T09:00:00.000Z',
    updatedAt: '2025-03-14T09:07:00.000Z',
    status: 'finished',
    path: [1, 0, 2],
    linesAfterLastChoice: 0,
    notes: [{ step: 2, facts: ['line3'], text: 'called back' }],
    result: {
      ending: 'Sorted',
      resolved: true,
      score: { de: 4, own: -2, res: 3 },
      percent: { de: 100, own: 12.5, res: 75 },
      seconds: 412.4,
      passed: true,
    },
    ...over,
  };
}

const sam = { id: 'p1', name: 'Sam' };
const fileFor = (trainee: { id: string; name: string }, attempts: Attempt[]) =>
  buildResultsFile(trainee, attempts, exportedAt);

describe('export', () => {
  it('round-trips a real profile through JSON and parseResultsFile', async () => {
    const store = await open(new IDBFactory());
    const created = await store.profiles.create('Sam Okafor');
    if (!created.ok) throw new Error(created.message);
    const { profile } = created;
    const a = await store.attempts.start(profile.id, { id: 'aisle', hash: 'h1' }, 'practice');
    await store.attempts.saveProgress(a.id, { path: [0, 1], linesAfterLastChoice: 2, notes: [] });
    await store.attempts.finish(a.id, attempt('x').result!, {
      path: [0, 1, 1],
      linesAfterLastChoice: 0,
      notes: [],
    });
    await store.attempts.start(profile.id, { id: 'plan-change', hash: 'h2' }, 'assessment');
    // A replay from decision 2 of the first attempt travels with its mark.
    const r = await store.attempts.start(profile.id, { id: 'aisle', hash: 'h1' }, 'practice', undefined, {
      attemptId: a.id,
      step: 1,
    });
    await store.attempts.finish(r.id, attempt('y').result!, {
      path: [0, 2],
      linesAfterLastChoice: 0,
      notes: [],
    });
    const file = buildResultsFile(profile, await store.attempts.forProfile(profile.id), exportedAt);
    expect(file.attempts.find((x) => x.id === r.id)?.replayOf).toEqual({ attemptId: a.id, step: 1 });
    file.attempts = file.attempts.filter((x) => x.id !== r.id);
    // Only finished attempts are results.
    expect(file).toMatchObject({
      format: RESULTS_FORMAT,
      version: 1,
      exportedAt: exportedAt.toISOString(),
      trainee: { id: profile.id, name: 'Sam Okafor' },
      attempts: [{ id: a.id, storyId: 'aisle', mode: 'practice', path: [0, 1, 1] }],
    });
    const text = resultsJson(file);
    expect(parseResultsFile(text, 'results.json')).toEqual({ ok: true, data: file });
    expect(resultsFileName(file, 'json')).toBe('results-sam-okafor-2025-03-14.json');
    expect(resultsFileName({ ...file, trainee: { id: 'x', name: 'José Ñúñez!' } }, 'csv')).toBe(
      'results-jose-nunez-2025-03-14.csv',
    );
  });
});

/** A strict RFC 4180 reader, to check the CSV the way a spreadsheet will read it. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  expect(field).toBe('');
  return rows;
}

describe('CSV', () => {
  it('keeps a total below zero as signed points next to its 0%', () => {
    const below = attempt('a1', {
      result: {
        ...attempt('a').result!,
        score: { de: -6, own: 0, res: -1 },
        percent: { de: 0, own: 0, res: 0 },
      },
    });
    const rows = readCsv(resultsCsv(fileFor(sam, [below]), { bom: false }));
    const cells = Object.fromEntries(rows[0]!.map((name, i) => [name, rows[1]![i]]));
    expect(cells['De-escalation points']).toBe('-6');
    expect(cells['De-escalation %']).toBe('0');
    expect(cells['Ownership points']).toBe('0');
    expect(cells['Resolution points']).toBe('-1');
  });

  it('one row per finished attempt, with commas, quotes and line breaks escaped', () => {
    // A line break in a name is kept as a space (names are tidied); endings keep theirs.
    const file = fileFor({ id: 'p1', name: 'O\'Neil, "Sam"\nSecond line' }, [
      attempt('a1'),
      attempt('a2', {
        mode: 'practice',
        result: { ...attempt('a').result!, passed: undefined, ending: 'Gave up, "politely"\nfor now' },
      }),
    ]);
    const name = 'O\'Neil, "Sam" Second line';
    const csv = resultsCsv(file, { scenarioTitle: (id) => (id === 'aisle' ? 'Aisle 7, again' : undefined) });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.split('\r\n')[1]).toMatch(/^"O'Neil, ""Sam"" Second line","Aisle 7, again",assessment,/);
    expect(csv.split('\r\n')[2]).toMatch(/,"Gave up, ""politely""\nfor now",yes,/);
    const rows = readCsv(csv.slice(1));
    expect(rows[0]).toEqual(CSV_HEADER);
    expect(rows[0]).toEqual([
      'Trainee',
      'Scenario',
      'Mode',
      'Finished at',
      'Ending',
      'Resolved',
      'De-escalation points',
      'Ownership points',
      'Resolution points',
      'De-escalation %',
      'Ownership %',
      'Resolution %',
      'Duration (s)',
      'Passed',
      'Replay',
      'Replay from decision',
    ]);
    expect(rows.slice(1)).toEqual([
      [
        name,
        'Aisle 7, again',
        'assessment',
        '2025-03-14T09:07:00.000Z',
        'Sorted',
        'yes',
        '4',
        '-2',
        '3',
        '100',
        '13',
        '75',
        '412',
        'yes',
        'no',
        '',
      ],
      [
        name,
        'Aisle 7, again',
        'practice',
        '2025-03-14T09:07:00.000Z',
        'Gave up, "politely"\nfor now',
        'yes',
        '4',
        '-2',
        '3',
        '100',
        '13',
        '75',
        '412',
        '',
        'no',
        '',
      ],
    ]);
  });

  it('does not let a spreadsheet run a name as a formula, but keeps negative numbers', () => {
    const csv = resultsCsv(fileFor({ id: 'p1', name: '=HYPERLINK("x")' }, [attempt('a1')]), { bom: false });
    const [, row] = readCsv(csv);
    expect(row?.[0]).toBe(`'=HYPERLINK("x")`);
    expect(row?.[7]).toBe('-2');
  });

  it('marks a replay from a decision, and the decision it played on from', () => {
    const replay = attempt('a2', { mode: 'practice', replayOf: { attemptId: 'a1', step: 2 } });
    const rows = readCsv(resultsCsv(fileFor(sam, [attempt('a1'), replay]), { bom: false }));
    const at = rows[0]!.indexOf('Replay');
    expect(rows[0]!.slice(at)).toEqual(['Replay', 'Replay from decision']);
    expect(rows.slice(1).map((r) => r.slice(at))).toEqual([
      ['no', ''],
      ['yes', '3'],
    ]);
  });

  it('covers a whole cohort', () => {
    const one = mergeCohort(emptyCohort(), fileFor(sam, [attempt('a1')])).cohort;
    const two = mergeCohort(
      one,
      fileFor({ id: 'p2', name: 'Ana' }, [attempt('b1', { profileId: 'p2' })]),
    ).cohort;
    const rows = readCsv(resultsCsv(two.trainees, { bom: false }));
    expect(rows.map((r) => r[0])).toEqual(['Trainee', 'Sam', 'Ana']);
  });
});

describe('one CSV writer (csv.ts) for both exports', () => {
  it('defuses formulas, quotes what needs quoting, and joins with CRLF and a BOM', () => {
    expect(['=1', '+1', '-1', '@x', '\tx', '\rx', 'a=1', ' =1', "'=1"].map(csvText)).toEqual([
      "'=1",
      "'+1",
      "'-1",
      "'@x",
      "'\tx",
      "'\rx",
      'a=1',
      ' =1',
      "'=1",
    ]);
    expect(['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\r', ''].map(csvField)).toEqual([
      'plain',
      '"a,b"',
      '"say ""hi"""',
      '"two\nlines"',
      '"cr\r"',
      '',
    ]);
    expect(csvDocument([['a', 'b,c'], ['d']])).toBe('\uFEFFa,"b,c"\r\nd\r\n');
    expect(csvDocument([['a']], { bom: false })).toBe('a\r\n');
    expect(csvDocument([], { bom: false })).toBe('\r\n');
  });

  it('the results CSV and the cohort table CSV treat the same awkward name the same way', () => {
    const file = fileFor({ id: 'p1', name: '\t=cmd|"x",\r\nend' }, [attempt('a1')]);
    // Tidied on the way out: the leading tab goes, the line break becomes a space.
    const name = '=cmd|"x", end';
    expect(file.trainee.name).toBe(name);
    const cohort = mergeCohort(emptyCohort(), file).cohort;
    const results = resultsCsv(file, { bom: false });
    const table = cohortTableCsv(cohortTable(cohort, []), { bom: false });
    expect(readCsv(results)[1]![0]).toBe(`'${name}`);
    expect(readCsv(table)[1]![0]).toBe(`'${name}`);
    expect(results.slice(results.indexOf('\r\n') + 2)).toMatch(/^"'=cmd\|""x"", end",/);
    expect(table.slice(table.indexOf('\r\n') + 2)).toMatch(/^"'=cmd\|""x"", end",/);
  });
});

describe('parseResultsFile says what is wrong', () => {
  const good = resultsJson(fileFor(sam, [attempt('a1')]));
  const bad = (text: string, name = 'sam.json') => {
    const r = parseResultsFile(text, name);
    if (r.ok) throw new Error('accepted');
    return r.message;
  };

  it('empty, or not JSON', () => {
    expect(bad('  \n')).toBe('sam.json is empty.');
    expect(bad('{"format": "beyond-the-script/results", ')).toMatch(
      /^sam\.json is not a results file: it is not valid JSON \(.+\)\.$/,
    );
  });

  it('a CSV, by name or by look', () => {
    const csv = resultsCsv(fileFor(sam, [attempt('a1')]));
    const message =
      'results.csv is a CSV spreadsheet, not a results file. Import the .json file the trainee exported (the CSV is for spreadsheets).';
    expect(bad(csv, 'results.csv')).toBe(message);
    expect(bad(csv, 'download')).toBe(message.replace('results.csv', 'download'));
  });

  it('some other JSON', () => {
    expect(bad('[1, 2]')).toBe(
      'sam.json is JSON but not a Beyond the Script results file: it is a list, not an object with "format": "beyond-the-script/results".',
    );
    expect(bad('{"name": "package", "version": "1.0.0"}', 'package.json')).toBe(
      'package.json is JSON but not a Beyond the Script results file: it has no "format" field.',
    );
    expect(bad('{"format": "something-else", "version": 1}')).toBe(
      'sam.json is JSON but not a Beyond the Script results file: its "format" is "something-else", not "beyond-the-script/results".',
    );
  });

  it('a newer version', () => {
    const newer = JSON.stringify({ ...JSON.parse(good), version: 2 });
    expect(bad(newer)).toBe(
      'sam.json was exported by a newer version of the game (results version 2; this version reads version 1). Update the game to import it.',
    );
    expect(bad(JSON.stringify({ ...JSON.parse(good), version: '1' }))).toBe(
      'sam.json has an invalid "version" ("1"): expected 1.',
    );
  });

  it('an invalid field, with its path', () => {
    const file = JSON.parse(good) as ResultsFile;
    (file.attempts[0]!.result.percent as Record<string, unknown>).de = 140;
    expect(bad(JSON.stringify(file))).toBe(
      'sam.json is not a valid results file: attempts[0].result.percent.de is 140, above the most allowed (100).',
    );
    const missing = JSON.parse(good) as Record<string, unknown>;
    delete missing.trainee;
    expect(bad(JSON.stringify(missing))).toBe('sam.json is not a valid results file: trainee is missing.');
    const two = JSON.parse(good) as ResultsFile;
    (two.attempts[0] as Record<string, unknown>).mode = 'exam';
    (two.attempts[0] as Record<string, unknown>).startedAt = 'Tuesday';
    expect(bad(JSON.stringify(two))).toBe(
      'sam.json is not a valid results file: attempts[0].mode must be practice or assessment, not "exam" (and 1 more problem).',
    );
  });

  it('accepts a BOM', () => {
    expect(parseResultsFile(`\uFEFF${good}`, 'sam.json').ok).toBe(true);
  });
});

describe('the trainer cohort', () => {
  it('importing the same file twice does not double-count', () => {
    const file = fileFor(sam, [attempt('a1'), attempt('a2')]);
    const first = mergeCohort(emptyCohort(), file);
    expect(first).toMatchObject({ added: 2, duplicates: 0, message: '2 new attempts for Sam.' });
    const again = parseResultsFile(resultsJson(file), 'again.json');
    if (!again.ok) throw new Error(again.message);
    const second = mergeCohort(first.cohort, again.data);
    expect(second).toMatchObject({
      added: 0,
      duplicates: 2,
      message: '0 new attempts for Sam (2 already loaded).',
    });
    expect(second.cohort.trainees).toHaveLength(1);
    expect(second.cohort.trainees[0]?.attempts.map((a) => a.id)).toEqual(['a1', 'a2']);
  });

  it('a later export adds only what is new, and never loses what was loaded', () => {
    const early = fileFor(sam, [attempt('a1'), attempt('a2')]);
    const loaded = mergeCohort(emptyCohort(), early).cohort;
    const snapshot = structuredClone(loaded);
    // The trainee renamed themselves, removed a2 from their browser, and played a3.
    const later = buildResultsFile(
      { id: 'p1', name: 'Samuel' },
      [attempt('a1'), attempt('a3', { updatedAt: '2025-03-15T10:00:00.000Z' })],
      new Date('2025-03-16T00:00:00.000Z'),
    );
    const merged = mergeCohort(loaded, later);
    expect(merged).toMatchObject({
      added: 1,
      duplicates: 1,
      conflicts: 0,
      message: '1 new attempt for Samuel (was Sam; 1 already loaded).',
    });
    expect(merged.cohort.trainees[0]).toMatchObject({ trainee: { id: 'p1', name: 'Samuel' } });
    expect(merged.cohort.trainees[0]?.attempts.map((a) => a.id)).toEqual(['a1', 'a2', 'a3']);
    // The cohort passed in is untouched.
    expect(loaded).toEqual(snapshot);
    // An older file does not bring back the old name.
    expect(mergeCohort(merged.cohort, early).cohort.trainees[0]?.trainee.name).toBe('Samuel');
  });

  it('an attempt id seen before with different content keeps what was loaded', () => {
    const loaded = mergeCohort(emptyCohort(), fileFor(sam, [attempt('a1')])).cohort;
    const tampered = fileFor(sam, [
      attempt('a1', { result: { ...attempt('a').result!, percent: { de: 100, own: 100, res: 100 } } }),
    ]);
    const merged = mergeCohort(loaded, tampered);
    expect(merged).toMatchObject({ added: 0, conflicts: 1 });
    expect(merged.message).toBe(
      '0 new attempts for Sam (1 clashing with an attempt already loaded, which was kept).',
    );
    expect(merged.cohort.trainees[0]?.attempts[0]?.result.percent.own).toBe(12.5);
  });
});

describe('an imported file is checked, not trusted', () => {
  // aisle at version h1: the best run scores de 4, own 16, res 4; the worst de −4, own −2, res 0.
  const AISLE: CatalogStory = {
    id: 'aisle',
    hash: 'h1',
    bounds: { best: { de: 4, own: 16, res: 4 }, worst: { de: -4, own: -2, res: 0 } },
    metadata: { title: 'In the aisle' },
  };
  const now = new Date('2025-03-14T18:00:00.000Z');
  // attempt()'s points: de 4 → 100%, own −2 → 0% of 16 (it says 12.5), res 3 → 75%.
  const honest = (id: string, over: Partial<Attempt> = {}) =>
    attempt(id, { result: { ...attempt(id).result!, percent: { de: 100, own: 0, res: 75 } }, ...over });
  const check = (attempts: Attempt[], options: { stories?: CatalogStory[]; at?: Date } = {}) =>
    parseResultsFile(resultsJson(fileFor(sam, attempts)), 'sam.json', {
      stories: options.stories,
      now: options.at ?? now,
    });
  const message = (r: ReturnType<typeof parseResultsFile>) => (r.ok ? 'accepted' : r.message);

  it('accepts a file whose percents are what its points make', () => {
    expect(check([honest('a1'), honest('a2')], { stories: [AISLE] }).ok).toBe(true);
    // Within a point: rounding elsewhere is not a lie.
    const near = honest('a3', { result: { ...honest('x').result!, percent: { de: 99, own: 1, res: 76 } } });
    expect(check([near], { stories: [AISLE] }).ok).toBe(true);
  });

  it('refuses percents that do not match the points, naming the file, the attempt and the axis', () => {
    const inflated = honest('a2', {
      result: {
        ...honest('x').result!,
        score: { de: -999, own: -2, res: 3 },
        percent: { de: 100, own: 0, res: 75 },
      },
    });
    expect(message(check([honest('a1'), inflated], { stories: [AISLE] }))).toBe(
      'sam.json cannot be right: attempt 2 (In the aisle) says −999 de-escalation points, but this version of the scenario allows −4 to 4.',
    );
    // attempt()'s own 12.5% for −2 points is 12.5 off the 0% those points make.
    expect(message(check([attempt('a1')], { stories: [AISLE] }))).toBe(
      'sam.json cannot be right: attempt 1 (In the aisle) says 13% ownership for −2 points, but in this version of the scenario that is 0%.',
    );
    // Without the catalog there is nothing to check the percents against.
    expect(check([attempt('a1')]).ok).toBe(true);
    const file = fileFor(sam, [attempt('a1')]);
    expect(checkResultsFile(file, 'sam.json', { now })).toBeUndefined();
    expect(checkResultsFile(file, 'sam.json', { now, stories: [AISLE] })).toMatch(
      /^sam\.json cannot be right: attempt 1 \(In the aisle\) says 13% ownership/,
    );
  });

  it('keeps attempts at other scenarios, or other versions, unchecked', () => {
    const other = attempt('a1', { storyId: 'gone' });
    const older = attempt('a2', { storyHash: 'h0' });
    expect(check([other, older], { stories: [AISLE] }).ok).toBe(true);
  });

  it('refuses an attempt that finishes before it starts', () => {
    const backwards = honest('a2', {
      startedAt: '2025-03-14T10:00:00.000Z',
      updatedAt: '2025-03-14T09:59:59.000Z',
    });
    expect(message(check([honest('a1'), backwards]))).toBe(
      'sam.json cannot be right: attempt 2 (aisle) finishes at 2025-03-14T09:59:59.000Z, before it starts at 2025-03-14T10:00:00.000Z.',
    );
    const instant = honest('a3', {
      startedAt: '2025-03-14T10:00:00.000Z',
      updatedAt: '2025-03-14T10:00:00.000Z',
    });
    expect(check([instant]).ok).toBe(true);
  });

  it('refuses an attempt that finishes more than a day after the export, or after now', () => {
    const later = new Date('2025-04-01T00:00:00.000Z');
    // Exported 2025-03-14T17:00Z.
    const late = honest('a1', { updatedAt: '2025-03-15T17:00:01.000Z' });
    expect(message(check([late], { at: later }))).toBe(
      'sam.json cannot be right: attempt 1 (aisle) finishes at 2025-03-15T17:00:01.000Z, more than a day after the file was exported (2025-03-14T17:00:00.000Z).',
    );
    expect(check([honest('a1', { updatedAt: '2025-03-15T17:00:00.000Z' })], { at: later }).ok).toBe(true);
    // A file "exported" more than a day from now is refused as such.
    expect(message(check([honest('a1')], { at: new Date('2025-03-13T16:00:00.000Z') }))).toBe(
      'sam.json cannot be right: it says it was exported at 2025-03-14T17:00:00.000Z, more than a day from now.',
    );
    // Exported a little ahead of this clock (within the day): attempts are held to now plus a day.
    const ahead = new Date('2025-03-14T10:00:00.000Z');
    expect(check([honest('a1')], { at: ahead }).ok).toBe(true);
    const beyond = honest('a2', { updatedAt: '2025-03-15T10:00:01.000Z' });
    const file = { ...fileFor(sam, [beyond]), exportedAt: '2025-03-15T09:00:00.000Z' };
    expect(checkResultsFile(file, 'sam.json', { now: ahead })).toBe(
      'sam.json cannot be right: attempt 1 (aisle) finishes at 2025-03-15T10:00:01.000Z, more than a day after now.',
    );
  });

  it('still refuses a percent outside 0–100 (the schema)', () => {
    const file = JSON.parse(resultsJson(fileFor(sam, [honest('a1')]))) as ResultsFile;
    (file.attempts[0]!.result.percent as Record<string, unknown>).res = -5;
    expect(message(parseResultsFile(JSON.stringify(file), 'sam.json'))).toBe(
      'sam.json is not a valid results file: attempts[0].result.percent.res is -5, below the least allowed (0).',
    );
  });

  it('exports the size limit the dashboard checks before reading', () => {
    expect(MAX_RESULTS_FILE_SIZE).toBe(50_000_000);
    expect(message(parseResultsFile(`{"a":"${'x'.repeat(MAX_RESULTS_FILE_SIZE)}"}`, 'big.json'))).toBe(
      'big.json is too large to be a results file.',
    );
  });
});

describe('names, plain words and bounds in a results file', () => {
  const good = () => JSON.parse(resultsJson(fileFor(sam, [attempt('a1')]))) as ResultsFile;
  const parse = (file: unknown) => parseResultsFile(JSON.stringify(file), 'sam.json');
  const message = (file: unknown) => {
    const r = parse(file);
    return r.ok ? 'accepted' : r.message;
  };

  it('a blank trainee name is refused; a spaced one is kept tidied', () => {
    expect(message({ ...good(), trainee: { id: 'p1', name: '   ' } })).toBe(
      'sam.json is not a valid results file: trainee.name is blank: a trainee needs a name.',
    );
    expect(message({ ...good(), trainee: { id: 'p1', name: '' } })).toBe(
      'sam.json is not a valid results file: trainee.name is blank: a trainee needs a name.',
    );
    const spaced = parse({ ...good(), trainee: { id: 'p1', name: '  trainee   01 ' } });
    if (!spaced.ok) throw new Error(spaced.message);
    expect(spaced.data.trainee.name).toBe('trainee 01');
    expect(message({ ...good(), trainee: { id: 'p1', name: 'x'.repeat(201) } })).toBe(
      'sam.json is not a valid results file: trainee.name is too long: at most 200 characters.',
    );
  });

  it('a newer file that renames a trainee says so', () => {
    const first = mergeCohort(
      emptyCohort(),
      buildResultsFile({ id: 'p9', name: 'Trainee 00' }, [attempt('m1', { profileId: 'p9' })], exportedAt),
    );
    const renamed = mergeCohort(
      first.cohort,
      buildResultsFile({ id: 'p9', name: 'Mallory' }, [], new Date('2025-03-15T00:00:00.000Z')),
    );
    expect(renamed).toMatchObject({
      renamedFrom: 'Trainee 00',
      message: '0 new attempts for Mallory (was Trainee 00).',
    });
    expect(renamed.cohort.trainees[0]!.trainee.name).toBe('Mallory');
    // The same name again is no rename.
    const same = mergeCohort(
      renamed.cohort,
      buildResultsFile({ id: 'p9', name: 'Mallory' }, [], new Date('2025-03-16T00:00:00.000Z')),
    );
    expect(same.message).toBe('0 new attempts for Mallory.');
    expect(same.renamedFrom).toBeUndefined();
  });

  it('says what is wrong in plain words, keeping the field path', () => {
    const GONE = Symbol('delete');
    /** Sets (or with GONE deletes) the value at `path` in a parsed file. */
    const spoil = (file: unknown, path: (string | number)[], value: unknown) => {
      let at = file as Record<string | number, unknown>;
      for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
      const last = path[path.length - 1]!;
      if (value === GONE) delete at[last];
      else at[last] = value;
    };
    const cases: [(string | number)[], unknown, string][] = [
      [['attempts', 0, 'mode'], 'exam', 'attempts[0].mode must be practice or assessment, not "exam"'],
      [['trainee', 'name'], GONE, 'trainee.name is missing'],
      [['attempts', 0, 'mode'], GONE, 'attempts[0].mode is missing'],
      [['exportedAt'], 'Tuesday', 'exportedAt is not a date and time'],
      [
        ['attempts', 0, 'result', 'percent', 'de'],
        140,
        'attempts[0].result.percent.de is 140, above the most allowed (100)',
      ],
      [
        ['attempts', 0, 'result', 'seconds'],
        -1,
        'attempts[0].result.seconds is -1, below the least allowed (0)',
      ],
      [['attempts', 0, 'path'], [0, 1.5], 'attempts[0].path[1] is 1.5, not a whole number'],
      [['attempts', 0, 'path'], 'abc', 'attempts[0].path should be a list, not text'],
      [
        ['attempts', 0, 'result', 'resolved'],
        'yes',
        'attempts[0].result.resolved should be true or false, not text',
      ],
      [['attempts', 0, 'id'], '', 'attempts[0].id is empty'],
    ];
    for (const [path, value, words] of cases) {
      const file = good();
      spoil(file, path, value);
      expect(message(file)).toBe(`sam.json is not a valid results file: ${words}.`);
    }
  });

  it('describeIssue falls back to zod’s words for codes it does not know, and works without the input', () => {
    const r = z.object({ n: z.number().multipleOf(5) }).safeParse({ n: 7 });
    expect(r.success).toBe(false);
    if (!r.success) expect(describeIssues(r.error)).toBe(`n: ${r.error.issues[0]!.message}`);
    const missing = z.object({ n: z.number() }).safeParse({});
    if (!missing.success) expect(describeIssues(missing.error)).toBe('n is missing');
    const big = z.object({ n: z.number().max(3) }).safeParse({ n: 9 });
    if (!big.success) expect(describeIssues(big.error)).toBe('n is above the most allowed (3)');
  });

  it('a call longer than a week, or a date before 2020, is refused', () => {
    const week = good();
    week.attempts[0]!.result.seconds = MAX_CALL_SECONDS;
    expect(parse(week).ok).toBe(true);
    week.attempts[0]!.result.seconds = MAX_CALL_SECONDS + 1;
    expect(message(week)).toBe(
      'sam.json is not a valid results file: attempts[0].result.seconds is 604801, above the most allowed (604800).',
    );
    const old = good();
    old.attempts[0]!.startedAt = '2019-12-31T23:00:00.000Z';
    old.attempts[0]!.finishedAt = '2019-12-31T23:59:59.999Z';
    expect(message(old)).toBe(
      'sam.json is not a valid results file: attempts[0].startedAt is not a real date for this game (it is before 2020) (and 1 more problem).',
    );
    const edge = good();
    edge.attempts[0]!.startedAt = '2020-01-01T00:00:00.000Z';
    edge.attempts[0]!.finishedAt = '2020-01-01T00:05:00.000Z';
    expect(parse(edge).ok).toBe(true);
    const finishedOld = good();
    finishedOld.attempts[0]!.finishedAt = '1999-01-01T00:00:00.000Z';
    expect(message(finishedOld)).toBe(
      'sam.json is not a valid results file: attempts[0].finishedAt is not a real date for this game (it is before 2020).',
    );
    expect(EARLIEST_DATE).toBe('2020-01-01T00:00:00.000Z');
  });
});

describe('review: repeated ids, other trainees’ attempts, numbers beyond reason, one name rule', () => {
  const now = new Date('2025-03-15T00:00:00.000Z');
  const textOf = (file: ResultsFile) => resultsJson(file);
  const message = (text: string) => {
    const r = parseResultsFile(text, 'sam.json', { now });
    return r.ok ? 'accepted' : r.message;
  };

  it('refuses a file whose attempts share an id, naming the id and both attempts', () => {
    const file = fileFor(sam, [attempt('a1'), attempt('a2'), attempt('a3')]);
    file.attempts[2] = { ...file.attempts[2]!, id: 'a1' };
    expect(message(textOf(file))).toBe(
      'sam.json cannot be right: attempts 1 and 3 have the same id ("a1"), and each attempt has its own. It was not imported.',
    );
    expect(checkResultsFile(file, 'sam.json', { now })).toMatch(/attempts 1 and 3 have the same id/);
  });

  it('an attempt already loaded under another trainee is a clash naming them, and adds no empty trainee', () => {
    const rita = { id: 'p-rita', name: 'Rita Patel' };
    const loaded = mergeCohort(
      emptyCohort(),
      fileFor(rita, [attempt('r1', { profileId: 'p-rita' }), attempt('r2', { profileId: 'p-rita' })]),
    ).cohort;
    const copied = fileFor(sam, [attempt('r1'), attempt('r2')]);
    const merged = mergeCohort(loaded, copied);
    expect(merged).toMatchObject({ added: 0, duplicates: 0, conflicts: 0, elsewhere: 2 });
    expect(merged.message).toBe(
      '0 new attempts for Sam (2 attempts already belong to Rita Patel; they were not added).',
    );
    expect(merged.cohort.trainees.map((t) => t.trainee.name)).toEqual(['Rita Patel']);
    // With one attempt of their own, the trainee is added with it (and only it).
    const mixed = mergeCohort(loaded, fileFor(sam, [attempt('r1'), attempt('s1')]));
    expect(mixed.message).toBe(
      '1 new attempt for Sam (1 attempt already belongs to Rita Patel; it was not added).',
    );
    expect(mixed.cohort.trainees.find((t) => t.trainee.id === 'p1')?.attempts.map((a) => a.id)).toEqual([
      's1',
    ]);
    expect(mixed.cohort.trainees.find((t) => t.trainee.id === 'p-rita')?.attempts).toHaveLength(2);
    // A file with no attempts at all still adds the trainee (they have not finished one yet).
    const none = mergeCohort(loaded, fileFor(sam, []));
    expect(none.cohort.trainees.map((t) => t.trainee.name).sort()).toEqual(['Rita Patel', 'Sam']);
  });

  it('numbers too large for JSON, for an option, or for a scenario are said in words', () => {
    const base = () => JSON.parse(textOf(fileFor(sam, [attempt('a1')]))) as ResultsFile;
    // JSON.stringify cannot write 1e400: a marker number is swapped for it in the text.
    const infinite = base();
    infinite.attempts[0]!.result.score.de = 123456.25;
    expect(message(JSON.stringify(infinite).replace('123456.25', '1e400'))).toBe(
      'sam.json is not a valid results file: attempts[0].result.score.de is too large to be a number.',
    );
    const option = base();
    option.attempts[0]!.path = [0, 1e20];
    expect(message(JSON.stringify(option))).toBe(
      'sam.json is not a valid results file: attempts[0].path[1] is not an option number.',
    );
    const long = base();
    long.attempts[0]!.result.seconds = 1e308;
    expect(message(JSON.stringify(long))).toBe(
      'sam.json is not a valid results file: attempts[0].result.seconds is a number far outside what this scenario allows (at most 604800).',
    );
    // Points are any finite number to the schema; against the catalog, huge ones are said in words.
    const AISLE: CatalogStory = {
      id: 'aisle',
      hash: 'h1',
      bounds: { best: { de: 4, own: 16, res: 4 }, worst: { de: -4, own: -2, res: 0 } },
      metadata: { title: 'In the aisle' },
    };
    const points = base();
    points.attempts[0]!.result.score.de = 1e308;
    const r = parseResultsFile(JSON.stringify(points), 'sam.json', { now, stories: [AISLE] });
    expect(r.ok ? 'accepted' : r.message).toBe(
      'sam.json cannot be right: attempt 1 (In the aisle) says a number far outside what this scenario allows de-escalation points, but this version of the scenario allows −4 to 4.',
    );
  });

  it('early checks name a scenario by its title; one it does not know, by its id', () => {
    const AISLE: CatalogStory = {
      id: 'aisle',
      hash: 'other-version',
      bounds: { best: { de: 4, own: 16, res: 4 }, worst: { de: -4, own: -2, res: 0 } },
      metadata: { title: 'In the aisle' },
    };
    const backwards = (storyId: string) =>
      fileFor(sam, [
        attempt('a1', {
          storyId,
          startedAt: '2025-03-14T10:00:00.000Z',
          updatedAt: '2025-03-14T09:59:59.000Z',
        }),
      ]);
    expect(checkResultsFile(backwards('aisle'), 'sam.json', { now, stories: [AISLE] })).toMatch(
      /^sam\.json cannot be right: attempt 1 \(In the aisle\) finishes at /,
    );
    expect(checkResultsFile(backwards('retired'), 'sam.json', { now, stories: [AISLE] })).toMatch(
      /^sam\.json cannot be right: attempt 1 \(retired\) finishes at /,
    );
  });

  it('names are tidied by one rule: typed, imported and compared alike', () => {
    const messy = '  Sam\u0007\u0000 Okafor\n\t';
    expect(tidyName(messy)).toBe('Sam Okafor');
    expect(checkName(messy, [])).toEqual({ ok: true, name: 'Sam Okafor' });
    expect(nameKey(messy)).toBe(nameKey('sam okafor'));
    const parsed = parseResultsFile(
      textOf({ ...fileFor(sam, [attempt('a1')]), trainee: { id: 'p1', name: messy } }),
      'sam.json',
      { now },
    );
    expect(parsed.ok && parsed.data.trainee.name).toBe('Sam Okafor');
  });
});
