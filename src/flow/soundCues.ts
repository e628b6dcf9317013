/**
 * Which sound goes with what happens: the phone rings until picked up, hold music plays while the
 * customer is on hold, the line drops with a tone, the aisle has its shop-floor hum. Pure wiring
 * from session events to any AudioOutput (howler in the browser, a fake in tests).
 */
import type { AudioOutput } from '../audio/audio.ts';
import type { GameSession, Screen } from './session.ts';

export function connectSounds(session: GameSession, audio: AudioOutput): () => void {
  let wasRinging = false;
  let onHold = false;
  const offScreen = session.events.on('screen', (screen: Screen) => {
    audio.stopAll();
    wasRinging = false;
    onHold = false;
    if (screen.name === 'playing' && screen.entry.metadata.setting === 'aisle') audio.play('ambience-store');
  });
  const offBeat = session.events.on('beat', (beat) => {
    const { marks } = beat.line;
    if (beat.ringing && !wasRinging) audio.play('ring');
    if (!beat.ringing && wasRinging) {
      audio.stop('ring');
      audio.play('pickup');
    }
    wasRinging = beat.ringing;
    if (marks.hold && !onHold) {
      audio.play('hold-music');
      onHold = true;
    } else if (!marks.hold && onHold) {
      audio.stop('hold-music');
      onHold = false;
    }
    if (beat.replayed) return;
    if (marks.transfer) audio.play('transfer');
    if (marks.dropped !== undefined) audio.play('disconnect');
  });
  const offChose = session.events.on('chose', () => audio.play('click'));
  return () => {
    offScreen();
    offBeat();
    offChose();
    audio.stopAll();
  };
}
