/**
 * The settings dialog: sound volume and mute, captions, and the mood meter. Every change applies at
 * once and is remembered.
 */
import { h, text } from './dom.ts';
import type { Settings } from './settings.ts';

export interface SettingsPanel {
  button: HTMLButtonElement;
  dialog: HTMLDialogElement;
  open(): void;
  update(settings: Settings): void;
}

export function createSettingsPanel(
  initial: Settings,
  onChange: (settings: Settings) => void,
): SettingsPanel {
  let settings = initial;
  const volume = h('input', { type: 'range', min: 0, max: 100, step: 5, id: 'set-volume' });
  const muted = h('input', { type: 'checkbox', id: 'set-muted' });
  const captions = h('input', { type: 'checkbox', id: 'set-captions' });
  const mood = h('input', { type: 'checkbox', id: 'set-mood' });
  const close = h('button', { type: 'button', class: 'primary' }, 'Done');
  const dialog = h(
    'dialog',
    { class: 'panel settings', 'aria-labelledby': 'settings-title' },
    text('h1', 'Settings', { id: 'settings-title' }),
    h('label', { class: 'setting', for: 'set-volume' }, text('span', 'Volume'), volume),
    h('label', { class: 'setting check', for: 'set-muted' }, muted, text('span', 'Mute all sound')),
    h(
      'label',
      { class: 'setting check', for: 'set-captions' },
      captions,
      text('span', 'Show a caption for every sound'),
    ),
    h(
      'label',
      { class: 'setting check', for: 'set-mood' },
      mood,
      text('span', "Show the customer's mood meter"),
    ),
    close,
  );
  const show = (s: Settings): void => {
    settings = s;
    volume.value = String(Math.round(s.volume * 100));
    volume.setAttribute('aria-valuetext', `${Math.round(s.volume * 100)}%`);
    muted.checked = s.muted;
    captions.checked = s.captions;
    mood.checked = s.showMood;
  };
  const changed = (): void => {
    settings = {
      ...settings,
      volume: Number(volume.value) / 100,
      muted: muted.checked,
      captions: captions.checked,
      showMood: mood.checked,
    };
    volume.setAttribute('aria-valuetext', `${volume.value}%`);
    onChange(settings);
  };
  for (const input of [volume, muted, captions, mood]) input.addEventListener('input', changed);
  const button = h(
    'button',
    { type: 'button', class: 'settings-button', 'aria-haspopup': 'dialog' },
    'Settings',
  );
  let returnTo: HTMLElement | null = null;
  const open = (): void => {
    if (dialog.open) return;
    returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    show(settings);
    dialog.showModal();
    volume.focus();
  };
  button.addEventListener('click', open);
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => returnTo?.focus({ preventScroll: true }));
  show(initial);
  return { button, dialog, open, update: show };
}
