/** The scenario map: read from ink source, laid out, drawn as SVG. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildMap,
  escapeXml,
  layoutMap,
  type MapEdge,
  type MapNode,
  mapToSvg,
  type StoryMap,
  scoreTone,
  shorten,
  storyMapSvg,
} from '../../src/authoring/map.ts';
import { explore } from '../../src/engine/explore.ts';
import { mapFileName } from '../../src/ui/mapView.ts';
import { compiledJson, ROOT, readProjectFile } from '../helpers.ts';

const FIXTURES = 'test/fixtures/map';

/** Every file under a project folder, keyed by its project-relative posix path. */
function sourcesUnder(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (abs: string) => {
    for (const name of readdirSync(abs)) {
      const path = join(abs, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ink'))
        out.set(relative(ROOT, path).split('\\').join('/'), readFileSync(path, 'utf8'));
    }
  };
  walk(join(ROOT, dir));
  return out;
}

function storySources(file: string): Map<string, string> {
  const source = readProjectFile(file);
  if (source === undefined) throw new Error(`${file} not found`);
  return new Map([[file, source]]);
}

const byId = (map: StoryMap) => new Map(map.nodes.map((n) => [n.id, n]));
const edgeKey = (e: MapEdge) => `${e.kind} ${e.from} -> ${e.to}`;
const sortedEdges = (edges: readonly MapEdge[]) => edges.map(edgeKey).sort();

/**
 * A small well-formedness check: balanced tags, one root, quoted attributes without `<`, text
 * without `<`, and only the five named entities or numeric ones.
 */
function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const checkText = (text: string, where: string) => {
    if (text.includes('<')) problems.push(`raw '<' in ${where}: ${text.slice(0, 60)}`);
    if (text.includes(']]>')) problems.push(`']]>' in ${where}`);
    for (const m of text.matchAll(/&([^;\s]*);?/g)) {
      if (!/^&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);$/.test(m[0])) problems.push(`bad entity ${m[0]}`);
    }
  };
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  const stack: string[] = [];
  let roots = 0;
  let last = 0;
  for (const m of xml.matchAll(tag)) {
    const index = m.index ?? 0;
    checkText(xml.slice(last, index), `text before <${m[2]}>`);
    last = index + m[0].length;
    const [, closing, name = '', attrs = '', selfClosing] = m;
    for (const a of attrs.matchAll(/=\s*(?:"([^"]*)"|'([^']*)')/g))
      checkText(a[1] ?? a[2] ?? '', `<${name}> attribute`);
    if (closing) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open}>`);
    } else {
      if (stack.length === 0) roots++;
      if (!selfClosing) stack.push(name);
    }
  }
  checkText(xml.slice(last), 'trailing text');
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(', ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}

it('the XML check itself catches broken documents', () => {
  expect(xmlProblems('<svg><g></g></svg>')).toEqual([]);
  expect(xmlProblems('<svg><g></svg>')).not.toEqual([]);
  expect(xmlProblems('<svg>1 < 2</svg>')).not.toEqual([]);
  expect(xmlProblems('<svg a="<b>"/>')).not.toEqual([]);
  expect(xmlProblems('<svg>fish & chips</svg>')).not.toEqual([]);
  expect(xmlProblems('<svg/><svg/>')).not.toEqual([]);
});

describe('buildMap on the fixture', () => {
  const sources = sourcesUnder(FIXTURES);
  const root = `${FIXTURES}/main.ink`;
  const extra = `${FIXTURES}/parts/extra.ink`;
  const map = buildMap(sources, root);

  it('finds every knot, stitch, choice and ending with its file and line', () => {
    const expected: MapNode[] = [
      { id: '@start', kind: 'start', label: 'Start', file: root, line: 1 },
      { id: 'elsewhere', kind: 'knot', label: 'elsewhere', file: extra, line: 1 },
      {
        id: 'elsewhere/e1',
        kind: 'ending',
        label: 'Customer lost',
        file: extra,
        line: 2,
        ending: 'Customer lost',
        resolved: false,
      },
      { id: 'greet', kind: 'knot', label: 'greet', file: root, line: 11 },
      {
        id: 'greet/c1',
        kind: 'choice',
        label: 'Walk her there.',
        file: root,
        line: 13,
        score: { de: 2, own: 2, res: 1 },
        text: 'Walk her there.',
      },
      {
        id: 'greet/c2',
        kind: 'choice',
        label: 'Point at aisle four.',
        file: root,
        line: 15,
        score: { de: 1, own: -1, res: 0 },
        text: 'Point at aisle four.',
      },
      {
        id: 'greet/c3',
        kind: 'choice',
        label: 'Keep stacking.',
        file: root,
        line: 17,
        score: { de: -2, own: -1, res: 0 },
        text: 'Keep stacking.',
      },
      { id: 'shelf', kind: 'knot', label: 'shelf', file: root, line: 20 },
      { id: 'shelf.found', kind: 'stitch', label: 'found', file: root, line: 21 },
      {
        id: 'shelf.found/e1',
        kind: 'ending',
        label: 'Served',
        file: root,
        line: 23,
        ending: 'Served',
        resolved: true,
      },
      { id: 'forgotten', kind: 'knot', label: 'forgotten', file: root, line: 26, unreachable: true },
      // A bare `-> END` with no `#ending:` line before it.
      { id: '@END', kind: 'ending', label: 'END', file: root, line: 28, unreachable: true },
    ];
    expect(map.nodes).toEqual(expected);
    expect(map.title).toBe('Map fixture');
    expect(map.root).toBe(root);
  });

  it('links them with choice, flow and divert edges', () => {
    expect(sortedEdges(map.edges)).toEqual(
      [
        'choice greet -> greet/c1',
        'choice greet -> greet/c2',
        'choice greet -> greet/c3',
        'divert @start -> greet',
        // `-> shelf.found` and a knot with no content of its own flowing into its first stitch.
        'divert greet/c1 -> shelf.found',
        'divert greet/c2 -> shelf',
        'flow shelf -> shelf.found',
        // Across the INCLUDE.
        'divert greet/c3 -> elsewhere',
        'flow elsewhere -> elsewhere/e1',
        'flow shelf.found -> shelf.found/e1',
        'divert forgotten -> @END',
      ].sort(),
    );
    // `-> END` right after an `#ending:` line draws nothing more.
    expect(map.edges.filter((e) => e.from.includes('/e'))).toEqual([]);
  });

  it('marks knots and stitches named as unreachable, with everything inside them', () => {
    const marked = buildMap(sources, root, { unreachable: new Set(['shelf.found', 'greet']) });
    const nodes = byId(marked);
    for (const id of ['greet', 'greet/c1', 'greet/c3', 'shelf.found', 'shelf.found/e1', 'forgotten']) {
      expect(nodes.get(id)?.unreachable, id).toBe(true);
    }
    for (const id of ['@start', 'shelf', 'elsewhere', 'elsewhere/e1']) {
      expect(nodes.get(id)?.unreachable, id).toBeUndefined();
    }
  });

  it('reads a missing include or root as nothing, without throwing', () => {
    const alone = new Map([[root, sources.get(root) ?? '']]);
    const map2 = buildMap(alone, root);
    expect(byId(map2).has('elsewhere')).toBe(false);
    expect(buildMap(new Map(), 'nowhere.ink').nodes.map((n) => n.id)).toEqual(['@start']);
  });
});

describe('buildMap on odd ink', () => {
  const sources = sourcesUnder(FIXTURES);
  const map = buildMap(sources, `${FIXTURES}/odd.ink`);
  const nodes = byId(map);
  const edges = new Set(map.edges.map(edgeKey));

  it('follows tunnels, threads, labels, nested choices and conditionals', () => {
    expect(edges).toContain('divert hub -> tunnel_knot');
    expect(edges).toContain('divert hub -> chatter');
    expect(edges).toContain('divert hub/c1 -> hub.deep');
    // `-> labelled` goes to the labelled choice.
    expect(nodes.get('hub/c3')?.label).toBe('Labelled');
    expect(edges).toContain('divert hub/c6 -> hub/c3');
    // Sub-choices hang under their parent; after the gather, choices follow the loose end.
    expect(edges).toContain('choice hub/c3 -> hub/c4');
    expect(edges).toContain('choice hub/c3 -> hub/c5');
    expect(edges).toContain('choice hub/c5 -> hub/c6');
    expect(edges).toContain('divert hub/c4 -> @DONE');
    expect(edges).toContain('divert hub/c8 -> @END');
    expect(edges).toContain('divert hub.deep -> hub');
    expect(nodes.get('hub/c8')?.label).toBe('Plain text choice');
    expect(nodes.get('hub/c2')?.score).toEqual({ de: 0, own: -1, res: 0 });
  });

  it('skips what it cannot place: functions, variable diverts, unknown targets', () => {
    expect(nodes.has('add')).toBe(false);
    expect([...edges].some((e) => e.includes('nowhere_at_all') || e.includes('target'))).toBe(false);
    // Named in `VAR target = -> side`: reachable through the variable.
    expect(nodes.get('side')?.unreachable).toBeUndefined();
    expect(nodes.get('side/e1')).toMatchObject({ kind: 'ending', ending: 'Side door' });
    expect(nodes.get('side/e1')?.resolved).toBeUndefined();
    for (const e of map.edges) {
      expect(nodes.has(e.from), e.from).toBe(true);
      expect(nodes.has(e.to), e.to).toBe(true);
    }
  });

  it('never throws on scrambled ink', () => {
    const lines = [
      ...(readProjectFile('stories/aisle.ink') ?? '').split('\n'),
      ...(sources.get(`${FIXTURES}/odd.ink`) ?? '').split('\n'),
      '{',
      '}',
      '}}}',
      '- - -',
      '* * * [',
      '-> ->->',
      '<- <-',
      '=== ===',
      '= =',
      '#',
      '[ ] ] [',
      '\\',
      'INCLUDE INCLUDE',
      'INCLUDE ../../../etc',
      '-> a.b.c.d.e',
      '* (x) {a} {b} [y] -> x.y',
    ];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 40; round++) {
      const soup = Array.from({ length: 120 }, () => {
        const line = lines[Math.floor(random() * lines.length)] ?? '';
        const cut = Math.floor(random() * (line.length + 1));
        return random() < 0.3 ? line.slice(0, cut) : line;
      }).join('\n');
      const files = new Map([
        ['a.ink', `INCLUDE a.ink\nINCLUDE b.ink\n${soup}`],
        ['b.ink', 'INCLUDE a.ink\n=== b ===\n-> b'],
      ]);
      const soupMap = buildMap(files, 'a.ink');
      expect(() => mapToSvg(layoutMap(soupMap))).not.toThrow();
      const ids = new Set(soupMap.nodes.map((n) => n.id));
      expect(ids.size).toBe(soupMap.nodes.length);
      for (const e of soupMap.edges) expect(ids.has(e.from) && ids.has(e.to)).toBe(true);
    }
  });
});

describe.each(['stories/aisle.ink', 'stories/plan-change.ink'])('the map of %s', (file) => {
  const source = readProjectFile(file) ?? '';
  const map = buildMap(storySources(file), file);
  const kinds = (kind: MapNode['kind']) => map.nodes.filter((n) => n.kind === kind);

  it('has knots, choices and endings, all reachable', () => {
    expect(kinds('knot').length).toBeGreaterThan(5);
    expect(kinds('choice').length).toBeGreaterThan(20);
    expect(kinds('ending').length).toBeGreaterThanOrEqual(4);
    expect(map.nodes.filter((n) => n.unreachable)).toEqual([]);
    // Every `-> END` follows an `#ending:` line.
    expect(map.nodes.some((n) => n.id === '@END' || n.id === '@DONE')).toBe(false);
  });

  it('has one node per choice line, each with its score', () => {
    const choiceLines = source.split('\n').filter((l) => /^\s*[*+]/.test(l)).length;
    expect(kinds('choice')).toHaveLength(choiceLines);
    for (const choice of kinds('choice')) {
      expect(choice.score, choice.id).toBeDefined();
      const axes = Object.values(choice.score ?? {});
      expect(
        axes.some((v) => v !== 0),
        `${choice.id} is scored`,
      ).toBe(true);
      expect(choice.label.length).toBeLessThanOrEqual(41);
      expect(source.split('\n')[choice.line - 1]).toMatch(/^\s*[*+]/);
    }
  });

  it("finds exactly the story's endings", () => {
    const titles = new Set(kinds('ending').map((n) => n.ending));
    const inSource = new Set([...source.matchAll(/#ending:\s*([^#\n]+)/g)].map((m) => m[1]?.trim()));
    expect(titles).toEqual(inSource);
    expect(titles).toEqual(new Set(Object.keys(explore(compiledJson(file)).endings)));
    for (const ending of kinds('ending')) {
      expect(source.split('\n')[ending.line - 1]).toContain(`#ending: ${ending.ending}`);
      expect(typeof ending.resolved).toBe('boolean');
    }
  });

  it('lays out without overlaps and draws a well-formed SVG', () => {
    const laid = layoutMap(map);
    expect(laid.nodes).toHaveLength(map.nodes.length);
    for (const n of laid.nodes) expect(Number.isFinite(n.x) && Number.isFinite(n.y)).toBe(true);
    for (const a of laid.nodes) {
      for (const b of laid.nodes) {
        if (a === b) continue;
        const apart =
          Math.abs(a.x - b.x) >= (a.width + b.width) / 2 || Math.abs(a.y - b.y) >= (a.height + b.height) / 2;
        expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
      }
    }
    for (const e of laid.edges) expect(e.points.length, edgeKey(e)).toBeGreaterThanOrEqual(2);
    const svg = mapToSvg(laid);
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain(`<title>Scenario map: ${escapeXml(map.title ?? '')}</title>`);
    expect(svg.match(/class="map-node map-choice/g)).toHaveLength(kinds('choice').length);
    expect(svg).toContain(`data-choices="${kinds('choice').length}"`);
  });
});

describe('mapToSvg', () => {
  const sources = sourcesUnder(FIXTURES);
  const svg = storyMapSvg(sources, `${FIXTURES}/escape.ink`);

  it('is a standalone, well-formed SVG document with a legend', () => {
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain('font-family="system-ui');
    expect(svg).toContain('class="map-legend"');
    expect(svg).toContain('marker-end="url(#map-arrow-choice)"');
    expect(xmlProblems(svg)).toEqual([]);
  });

  it('escapes story text everywhere', () => {
    expect(svg).toContain('<title>Scenario map: Tags &lt;b&gt;&amp;&lt;/b&gt; &quot;quotes&quot;</title>');
    expect(svg).toContain('&lt;b&gt;sorry&lt;/b&gt; &amp;');
    expect(svg).toContain('&quot;mean&quot;');
    expect(svg).toContain('&amp;&amp; 3 &gt; 2 &apos;quoted&apos;');
    expect(svg).toContain('fast ]]&gt;');
    expect(svg).not.toMatch(/<(?:b|i)>|<\/(?:b|i)>/);
    expect(svg).not.toContain('1 < 2');
  });

  it('colours choices by score and marks unreachable nodes', () => {
    expect(scoreTone({ de: 1, own: 2, res: 0 })).toBe('good');
    expect(scoreTone({ de: 2, own: -1, res: 0 })).toBe('mixed');
    expect(scoreTone({ de: 0, own: 0, res: 0 })).toBe('mixed');
    expect(scoreTone({ de: 1, own: -2, res: 0 })).toBe('bad');
    const fixture = mapToSvg(layoutMap(buildMap(sources, `${FIXTURES}/main.ink`)), { legend: false });
    expect(xmlProblems(fixture)).toEqual([]);
    expect(fixture).not.toContain('map-legend');
    expect(fixture).toContain('data-unreachable="2"');
    expect(fixture.match(/class="map-node map-knot map-unreachable"[^>]*data-id="forgotten"/)).not.toBeNull();
    expect(fixture).toContain('stroke-dasharray="5 4"');
    expect(fixture).toContain('>unreachable</text>');
    expect(fixture).toContain('>de +2 · own +2 · res +1</text>');
    expect(fixture).toContain('fill="#dcf5e3"'); // green: Walk her there
    expect(fixture).toContain('fill="#fff1c9"'); // amber: Point at aisle four
    expect(fixture).toContain('fill="#fde2e1"'); // red: Keep stacking
  });
});

describe('helpers', () => {
  it('shortens labels at a word boundary', () => {
    expect(shorten('short')).toBe('short');
    const long = shorten('Stand up, point down the aisle and explain the way clearly, but stay put');
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long.endsWith('…')).toBe(true);
  });

  it('names the exported file after the story', () => {
    expect(mapFileName('stories/aisle.ink')).toBe('aisle-map.svg');
    expect(mapFileName('C:\\stories\\my story.ink')).toBe('my-story-map.svg');
    expect(mapFileName('')).toBe('story-map.svg');
  });
});

describe('names in any script', () => {
  it('maps knots, stitches and diverts whose names are not ASCII (one Unicode-aware scanner)', () => {
    const file = 'stories/café.ink';
    const source = [
      '-> café',
      '=== café ===',
      'Hello.',
      '* [Order.] -> café.commande',
      '* [Leave.] -> 申し込み',
      '= commande',
      'A flat white. #ending: Served #resolved: yes',
      '-> END',
      '=== 申し込み ===',
      'Bye. #ending: Left #resolved: no',
      '-> END',
    ].join('\n');
    const map = buildMap(new Map([[file, source]]), file);
    const ids = map.nodes.map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining(['café', 'café.commande', '申し込み']));
    const knot = map.nodes.find((n) => n.id === 'café');
    expect(knot).toMatchObject({ kind: 'knot', file, line: 2 });
    const targets = map.edges.map((e) => e.to);
    expect(targets).toEqual(expect.arrayContaining(['café', 'café.commande', '申し込み']));
  });
});
