/**
 * The desk console over the left of the screen in phone scenarios: the caller card, the line state,
 * the controls a rep has (hold, transfer, mute) and the CRM with the notes earlier calls left.
 * Controls stand behind the story's choices: a control lights up when a choice carries its action,
 * and pressing it (or H, T, M) picks that choice.
 */
import type { StoryEntry } from '../authoring/catalog.ts';
import { formatClock } from '../engine/clock.ts';
import type { DeskAction } from '../engine/tags.ts';
import type { Beat } from '../flow/session.ts';
import { h, text } from './dom.ts';

export interface DeskPanel {
  element: HTMLElement;
  show(beat: Beat): void;
  /** Presses a control by its action; false when it is not available now. */
  press(action: DeskAction): boolean;
  /**
   * On small screens the caller card and CRM notes sit in a drawer under the line state: opens or
   * closes it (C). False when the drawer is not in use (wide screens show everything).
   */
  toggleDrawer(open?: boolean): boolean;
  readonly drawerOpen: boolean;
}

const CONTROLS: { action: DeskAction; label: string; key: string }[] = [
  { action: 'hold', label: 'Hold', key: 'H' },
  { action: 'transfer', label: 'Transfer', key: 'T' },
  { action: 'mute', label: 'Mute', key: 'M' },
];

export function createDeskPanel(entry: StoryEntry, onChoose: (index: number) => void): DeskPanel {
  const m = entry.metadata;
  const lineState = text('p', 'Waiting for a call', { class: 'line-state', 'data-state': 'idle' });
  const department = text('span', '', { class: 'department' });
  const rep = text('span', '', { class: 'rep' });
  const card = h(
    'div',
    { class: 'caller-card' },
    text('h2', 'Caller'),
    text('p', m.caller ?? 'Unknown caller', { class: 'caller-name' }),
    m.account ? text('p', m.account, { class: 'account' }) : null,
    h('p', { class: 'you-are' }, 'You: ', rep, ' · ', department),
  );
  const buttons = new Map<DeskAction, HTMLButtonElement>();
  let offered = new Map<DeskAction, number>();
  const controls = h('div', { class: 'controls', role: 'group', 'aria-label': 'Call controls' });
  for (const c of CONTROLS) {
    const button = h(
      'button',
      { type: 'button', class: 'control', 'data-action': c.action, disabled: true },
      c.label,
      text('span', c.key, { class: 'key key-wide', 'aria-hidden': 'true' }),
    );
    button.addEventListener('click', () => {
      const index = offered.get(c.action);
      if (index !== undefined) onChoose(index);
    });
    buttons.set(c.action, button);
    controls.append(button);
  }
  const crm = h('ol', { class: 'crm-notes', 'aria-label': 'Notes on the account', tabindex: 0 });
  const noteCount = text('span', '', { class: 'note-count' });
  const drawerButton = h(
    'button',
    {
      type: 'button',
      class: 'drawer-toggle',
      'aria-expanded': 'false',
      'aria-controls': 'desk-details',
    },
    'Caller',
    text('span', ' & notes', { class: 'wide-only' }),
    noteCount,
    text('span', 'C', { class: 'key key-wide', 'aria-hidden': 'true' }),
  );
  const details = h(
    'div',
    { class: 'desk-details', id: 'desk-details' },
    card,
    h('div', { class: 'crm' }, text('h2', 'CRM notes'), crm),
  );
  const element = h(
    'aside',
    { class: 'panel desk-panel', 'aria-label': 'Desk' },
    h('div', { class: 'desk-bar' }, lineState, controls, drawerButton),
    details,
  );
  let shownNotes = -1;
  const setDrawer = (open: boolean): void => {
    element.classList.toggle('drawer-open', open);
    drawerButton.setAttribute('aria-expanded', String(open));
  };
  drawerButton.addEventListener('click', () => setDrawer(!element.classList.contains('drawer-open')));
  // The drawer lies over the conversation: when focus moves out of the desk, the drawer closes, so
  // focus never sits on something it hides.
  element.addEventListener('focusout', (e) => {
    const to = e.relatedTarget;
    if (to instanceof Node && !element.contains(to)) setDrawer(false);
  });

  const setState = (state: string, label: string): void => {
    lineState.dataset.state = state;
    lineState.textContent = label;
  };

  return {
    element,
    show(beat) {
      const calls = beat.desk.calls;
      const call = calls[calls.length - 1];
      department.textContent = call?.department ?? '';
      rep.textContent = call?.rep ?? 'the rep';
      const { marks } = beat.line;
      if (beat.ringing) setState('ringing', `Incoming call · ${marks.call ?? ''}`);
      else if (marks.dropped !== undefined) setState('dropped', `Line dropped: ${marks.dropped}`);
      else if (marks.hold) setState('hold', `On hold · ${formatClock(marks.hold.seconds)}`);
      else if (marks.transfer)
        setState(
          'transfer',
          `Transferring to ${marks.transfer.to} (${marks.transfer.warm ? 'warm' : 'cold'})`,
        );
      else if (call) setState('live', `On the line · call ${call.index + 1}`);

      offered = new Map();
      if (beat.next.kind === 'choices' && !beat.ringing) {
        for (const [i, choice] of beat.next.choices.entries()) {
          const action = choice.marks.action;
          if (action && !offered.has(action)) offered.set(action, i);
        }
      }
      for (const [action, button] of buttons) button.disabled = !offered.has(action);

      if (beat.desk.crm.length !== shownNotes) {
        shownNotes = beat.desk.crm.length;
        crm.replaceChildren(
          ...(beat.desk.crm.length
            ? beat.desk.crm.map((n) =>
                h(
                  'li',
                  { class: 'crm-note' },
                  text('span', `${formatClock(n.at)} · ${n.author}`, { class: 'crm-meta' }),
                  text('span', n.text, { class: 'crm-text' }),
                ),
              )
            : [text('li', 'No notes on this account yet.', { class: 'crm-empty' })]),
        );
        noteCount.textContent = beat.desk.crm.length ? ` (${beat.desk.crm.length})` : '';
      }
    },
    toggleDrawer(open) {
      // The drawer button shows only where the details do not fit beside the conversation.
      if (drawerButton.offsetParent === null) return false;
      setDrawer(open ?? !element.classList.contains('drawer-open'));
      if (element.classList.contains('drawer-open')) crm.focus({ preventScroll: true });
      return true;
    },
    get drawerOpen() {
      return element.classList.contains('drawer-open') && drawerButton.offsetParent !== null;
    },
    press(action) {
      const button = buttons.get(action);
      if (!button || button.disabled) return false;
      button.click();
      return true;
    },
  };
}
