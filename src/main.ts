import { stories } from 'virtual:stories';
import type { StoryEntry } from './authoring/catalog';
import { GameSession } from './flow/session';
import { createGame } from './game/createGame';
import { mountOverlay } from './ui/overlay';
import './ui/style.css';

const session = new GameSession(stories);
const ui = document.getElementById('ui');
const stage = document.getElementById('stage');
if (!ui || !stage) throw new Error('index.html must have #ui and #stage');
mountOverlay(ui, session);
createGame(stage, session);

if (import.meta.hot) {
  import.meta.hot.on('ink:update', (updates: { entry: StoryEntry; json: string }[]) => {
    for (const overlay of document.querySelectorAll('vite-error-overlay')) overlay.remove();
    session.updateStories(updates);
  });
}
