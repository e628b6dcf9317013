/** The title menu: every scenario found in stories/, as buttons. */
import type { StoryEntry } from '../authoring/catalog.ts';
import { h, text } from './dom.ts';

const DIFFICULTY_LABEL: Record<string, string> = {
  beginner: 'Beginner',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
};

export function renderMenu(
  stories: readonly StoryEntry[],
  onPick: (id: string) => void,
  onAuthor?: () => void,
): HTMLElement {
  const list = h('ul', { class: 'scenario-list' });
  stories.forEach((story, i) => {
    const m = story.metadata;
    const button = h(
      'button',
      { class: 'scenario', type: 'button', 'data-story': story.id },
      h(
        'span',
        { class: 'scenario-head' },
        text('span', String(i + 1), { class: 'key', 'aria-hidden': 'true' }),
        text('span', m.title, { class: 'scenario-title' }),
      ),
      text('span', m.summary, { class: 'scenario-summary' }),
      h(
        'span',
        { class: 'scenario-meta' },
        text('span', DIFFICULTY_LABEL[m.difficulty] ?? m.difficulty, {
          class: `badge badge-${m.difficulty}`,
        }),
        text('span', `about ${m.minutes} min`, { class: 'minutes' }),
      ),
    );
    button.addEventListener('click', () => onPick(story.id));
    list.append(h('li', {}, button));
  });
  return h(
    'section',
    { class: 'panel menu', 'aria-labelledby': 'menu-title' },
    text('h1', 'Beyond the Script', { id: 'menu-title' }),
    text(
      'p',
      'Practise the conversations the script never covers. Every choice is scored on de-escalation, ownership and resolution.',
      { class: 'tagline' },
    ),
    text('h2', 'Choose a scenario', { class: 'list-heading' }),
    stories.length
      ? list
      : text('p', 'No scenarios found. Add an .ink file to the stories/ folder.', { class: 'empty' }),
    text('p', 'Keys: 1–9 to pick, Tab to move, Enter to start, S for settings.', { class: 'hint' }),
    onAuthor ? authorButton(onAuthor) : null,
  );
}

function authorButton(onAuthor: () => void): HTMLElement {
  const button = h(
    'button',
    { type: 'button', class: 'author-entry' },
    'Author mode: write and check a scenario',
  );
  button.addEventListener('click', onAuthor);
  return h('p', { class: 'for-trainers' }, text('span', 'For trainers: '), button);
}
