import { stories } from 'virtual:stories';
import { createHowlerAudio } from './audio/howlerAudio.ts';
import type { StoryEntry } from './authoring/catalog.ts';
import { GameSession } from './flow/session.ts';
import { connectSounds } from './flow/soundCues.ts';
import { Training } from './flow/training.ts';
import { createGame } from './game/createGame.ts';
import { openStore } from './storage/db.ts';
import { mountOverlay } from './ui/overlay.ts';
import './ui/style.css';

const session = new GameSession(stories);
const ui = document.getElementById('ui');
const stage = document.getElementById('stage');
if (!ui || !stage) throw new Error('index.html must have #ui and #stage');
const audio = createHowlerAudio();
connectSounds(session, audio);
// The menu is DOM and the catalog is in the bundle: the menu comes first, then Phaser boots behind
// it (its start-up would otherwise hold up the saved data's first reads). openStore never rejects
// for storage reasons: without IndexedDB it keeps progress in memory and the menu says so.
const store = await openStore();
const training = new Training(session, store);
const overlay = mountOverlay(ui, session, training, audio, stage);
session.showMenu();
await overlay.menuShown;
createGame(stage, session);

if (import.meta.hot) {
  import.meta.hot.on('ink:update', (updates: { entry: StoryEntry; json: string }[]) => {
    for (const overlay of document.querySelectorAll('vite-error-overlay')) overlay.remove();
    session.updateStories(updates);
  });
}
