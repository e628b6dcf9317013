/**
 * The dialogue panel: a log of the conversation so far, the current line, and either a Continue
 * button or the choices as numbered buttons.
 */
import type { Beat } from '../flow/session.ts';
import { h, text } from './dom.ts';

export interface DialogueView {
  element: HTMLElement;
  show(beat: Beat): void;
  /** Clicks the n-th choice (0-based) if it is on screen; for the number keys. */
  pick(index: number): boolean;
  /** Clicks Continue if it is on screen; for Enter. */
  continue(): boolean;
}

const MAX_LOG = 40;

export function createDialogue(
  title: string,
  onContinue: () => void,
  onChoose: (i: number) => void,
): DialogueView {
  const log = h('ol', { class: 'log', 'aria-label': 'Conversation so far', tabindex: 0 });
  const live = h('div', { class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const actions = h('div', { class: 'actions' });
  const element = h(
    'section',
    { class: 'panel dialogue', 'aria-label': `Scenario: ${title}` },
    log,
    live,
    actions,
  );
  let choiceButtons: HTMLButtonElement[] = [];
  let continueButton: HTMLButtonElement | undefined;

  const show = (beat: Beat): void => {
    const { line, next } = beat;
    for (const old of log.querySelectorAll('.current')) old.classList.remove('current');
    if (beat.replayed) log.lastElementChild?.remove();
    const item = h(
      'li',
      { class: `line current ${line.speaker ? `role-${line.role ?? 'other'}` : 'narration'}` },
      line.speaker ? text('span', line.speaker, { class: 'speaker' }) : null,
      text('span', line.text, { class: 'text' }),
    );
    log.append(item);
    while (log.childElementCount > MAX_LOG) log.firstElementChild?.remove();
    item.scrollIntoView?.({ block: 'end' });
    live.textContent = line.speaker ? `${line.speaker}: ${line.text}` : line.text;

    actions.replaceChildren();
    choiceButtons = [];
    continueButton = undefined;
    if (next.kind === 'choices') {
      const list = h('ol', { class: 'choices', 'aria-label': 'Your response' });
      next.choices.forEach((choice, i) => {
        const button = h(
          'button',
          { type: 'button', class: 'choice', 'data-index': i },
          text('span', String(i + 1), { class: 'key', 'aria-hidden': 'true' }),
          text('span', choice.text, { class: 'choice-text' }),
        );
        button.addEventListener('click', () => onChoose(i), { once: true });
        choiceButtons.push(button);
        list.append(h('li', {}, button));
      });
      actions.append(list);
      choiceButtons[0]?.focus({ preventScroll: true });
    } else {
      const label = next.kind === 'end' ? 'See how you did' : 'Continue';
      continueButton = h(
        'button',
        { type: 'button', class: 'continue' },
        label,
        text('span', 'Enter', { class: 'key key-wide', 'aria-hidden': 'true' }),
      );
      continueButton.addEventListener('click', onContinue, { once: true });
      actions.append(continueButton);
      continueButton.focus({ preventScroll: true });
    }
  };

  return {
    element,
    show,
    pick(index) {
      const button = choiceButtons[index];
      if (!button?.isConnected) return false;
      button.click();
      return true;
    },
    continue() {
      if (!continueButton?.isConnected) return false;
      continueButton.click();
      return true;
    },
  };
}
