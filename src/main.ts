import { stories } from 'virtual:stories';
import { createHowlerAudio } from './audio/howlerAudio.ts';
import type { StoryEntry } from './authoring/catalog.ts';
import { GameSession } from './flow/session.ts';
import { connectSounds } from './flow/soundCues.ts';
import { createGame } from './game/createGame.ts';
import { mountOverlay } from './ui/overlay.ts';
import './ui/style.css';

const session = new GameSession(stories);
const ui = document.getElementById('ui');
const stage = document.getElementById('stage');
if (!ui || !stage) throw new Error('index.html must have #ui and #stage');
const audio = createHowlerAudio();
connectSounds(session, audio);
mountOverlay(ui, session, audio);
// The menu is DOM and the catalog is in the bundle: it is usable before Phaser has booted.
session.showMenu();
createGame(stage, session);

if (import.meta.hot) {
  import.meta.hot.on('ink:update', (updates: { entry: StoryEntry; json: string }[]) => {
    for (const overlay of document.querySelectorAll('vite-error-overlay')) overlay.remove();
    session.updateStories(updates);
  });
}
