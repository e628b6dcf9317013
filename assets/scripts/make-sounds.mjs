// Usage: node assets/scripts/make-sounds.mjs [--out DIR]
//
// Regenerates every file in assets/audio/ (mono 16-bit PCM WAVs and manifest.json). Every sound is
// synthesised here from sine waves and seeded noise: no samples, no downloads, no dependencies, and
// the same bytes on every run. Edit this script rather than the WAV outputs.
//
//   --out DIR   write somewhere else (the tests use this to check the output is deterministic).
//
// Conventions
// - Sounds heard down the phone line (hold music, tones) are 11025 Hz: the telephone band stops at
//   3400 Hz, so nothing audible is lost and the files are half the size. So is the shop ambience,
//   which is muffled and distant anyway. The phone's bell, the handset and the click are 22050 Hz.
// - Loops are built circularly: notes and noise bursts that run past the end wrap round to the
//   start, and filters run over three copies of the loop keeping the last, so the last sample leads
//   straight into the first. One-shots start and end on exact zero.
// - Every file is checked before anything is written: peak at most -3 dBFS, no DC offset, loop
//   seams no bigger than the loop's ordinary sample-to-sample steps. A failed check exits 1.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const DEFAULT_OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'audio');
const ROOM = 22050;
const LINE = 11025;
const TAU = 2 * Math.PI;
const PEAK_LIMIT_DB = -3;
const TOTAL_LIMIT_BYTES = 600 * 1024;

// ----------------------------------------------------------------- helpers --

/** Seeded PRNG (mulberry32): [0, 1). */
function rng32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const zeros = (n) => new Float64Array(n);
const noise = (n, rand) => Float64Array.from({ length: n }, () => rand() * 2 - 1);
const midiHz = (m) => 440 * 2 ** ((m - 69) / 12);
const db = (v) => (v > 0 ? 20 * Math.log10(v) : -Infinity);
const fromDb = (d) => 10 ** (d / 20);

/** RBJ cookbook biquad coefficients. */
function biquad(type, f0, q, sr) {
  const w = (TAU * f0) / sr;
  const cos = Math.cos(w);
  const alpha = Math.sin(w) / (2 * q);
  let b0;
  let b1;
  let b2;
  if (type === 'lowpass') [b0, b1, b2] = [(1 - cos) / 2, 1 - cos, (1 - cos) / 2];
  else if (type === 'highpass') [b0, b1, b2] = [(1 + cos) / 2, -(1 + cos), (1 + cos) / 2];
  else if (type === 'bandpass') [b0, b1, b2] = [alpha, 0, -alpha];
  else throw new Error(`unknown filter ${type}`);
  const a0 = 1 + alpha;
  return { b0: b0 / a0, b1: b1 / a0, b2: b2 / a0, a1: (-2 * cos) / a0, a2: (1 - alpha) / a0 };
}
const lp = (f, sr, q = Math.SQRT1_2) => biquad('lowpass', f, q, sr);
const hp = (f, sr, q = Math.SQRT1_2) => biquad('highpass', f, q, sr);
const bp = (f, sr, q) => biquad('bandpass', f, q, sr);

/** Runs x through the biquads in series (direct form I). */
function filter(x, ...stages) {
  let y = x;
  for (const c of stages) {
    const out = zeros(y.length);
    let x1 = 0;
    let x2 = 0;
    let y1 = 0;
    let y2 = 0;
    for (let i = 0; i < y.length; i++) {
      const x0 = y[i];
      const y0 = c.b0 * x0 + c.b1 * x1 + c.b2 * x2 - c.a1 * y1 - c.a2 * y2;
      out[i] = y0;
      x2 = x1;
      x1 = x0;
      y2 = y1;
      y1 = y0;
    }
    y = out;
  }
  return y;
}

/** Applies fn to a loop as if it repeated forever: the result is exactly periodic in practice. */
function periodic(x, fn) {
  const n = x.length;
  const big = zeros(n * 3);
  for (let k = 0; k < 3; k++) big.set(x, k * n);
  return fn(big).slice(2 * n);
}

/** A smooth random curve that repeats exactly over n samples: sum of sines with k cycles per loop. */
function loopCurve(n, kMin, kMax, rand) {
  const out = zeros(n);
  for (let k = kMin; k <= kMax; k++) {
    const phase = rand() * TAU;
    const amp = 0.5 + rand() * 0.5;
    for (let i = 0; i < n; i++) out[i] += amp * Math.sin((TAU * k * i) / n + phase);
  }
  return scaleToPeak(out, 1);
}

/** Mixes sig into buf at sample `at`, scaled by gain; wraps round when `wrap` (for loops). */
function mix(buf, sig, at, gain = 1, wrap = false) {
  for (let i = 0; i < sig.length; i++) {
    let j = at + i;
    if (wrap) j = ((j % buf.length) + buf.length) % buf.length;
    else if (j >= buf.length) break;
    buf[j] += sig[i] * gain;
  }
  return buf;
}

const add = (...xs) => {
  const out = zeros(xs[0].length);
  for (const x of xs) for (let i = 0; i < out.length; i++) out[i] += x[i];
  return out;
};
const scale = (x, g) => x.map((v) => v * g);
const mul = (x, y) => x.map((v, i) => v * y[i]);

function scaleToPeak(x, peak) {
  let max = 0;
  for (const v of x) max = Math.max(max, Math.abs(v));
  return max === 0 ? x : scale(x, peak / max);
}

/** Raised-cosine fade in over the first `a` seconds and out over the last `r` seconds, to exact zero. */
function fadeEdges(x, sr, a, r) {
  const na = Math.max(1, Math.round(a * sr));
  const nr = Math.max(1, Math.round(r * sr));
  const out = Float64Array.from(x);
  for (let i = 0; i < na && i < out.length; i++) out[i] *= 0.5 - 0.5 * Math.cos((Math.PI * i) / na);
  for (let i = 0; i < nr && i < out.length; i++) {
    out[out.length - 1 - i] *= 0.5 - 0.5 * Math.cos((Math.PI * i) / nr);
  }
  return out;
}

/** Removes DC: a loop loses its mean; a one-shot loses a Hann-shaped offset, keeping its zero ends. */
function removeDc(x, loop) {
  const n = x.length;
  const sum = x.reduce((s, v) => s + v, 0);
  if (loop) return x.map((v) => v - sum / n);
  const hann = Float64Array.from({ length: n }, (_, i) => 0.5 - 0.5 * Math.cos((TAU * i) / (n - 1)));
  const hsum = hann.reduce((s, v) => s + v, 0);
  return x.map((v, i) => v - (sum / hsum) * hann[i]);
}

/** A tone whose frequency may glide, with a given harmonic mix; phase starts at zero. */
function tone(sr, seconds, f0, f1 = f0, harmonics = [1]) {
  const n = Math.round(seconds * sr);
  const out = zeros(n);
  let phase = 0;
  for (let i = 0; i < n; i++) {
    let v = 0;
    for (let h = 0; h < harmonics.length; h++) v += harmonics[h] * Math.sin((h + 1) * phase);
    out[i] = v;
    const f = f0 + ((f1 - f0) * i) / n;
    phase += (TAU * f) / sr;
  }
  return out;
}

/** Envelope: exp attack (time constant a), exp decay (d), then a raised-cosine release to zero. */
function envelope(sr, held, a, d, release) {
  const n = Math.round((held + release) * sr);
  const out = zeros(n);
  for (let i = 0; i < n; i++) {
    const t = i / sr;
    let g = (1 - Math.exp(-t / a)) * Math.exp(-t / d);
    if (t > held) g *= 0.5 + 0.5 * Math.cos((Math.PI * (t - held)) / release);
    out[i] = g;
  }
  out[n - 1] = 0;
  return out;
}

/** Telephone band: 4th-order high-pass at 300 Hz and low-pass at 3400 Hz. */
const phoneBand = (sr) => [hp(300, sr), hp(300, sr), lp(3400, sr), lp(3400, sr)];

// ------------------------------------------------------------------ sounds --

/** A desk phone's bell: a clapper at 25 Hz between two small bells, twice, then quiet. Loop. */
function ring(sr) {
  const rand = rng32(0x52494e47);
  const n = Math.round(2.0 * sr);
  const out = zeros(n);
  // Two bells, each with a few inharmonic modes (frequency, level, decay time constant).
  const bells = [
    [
      [980, 1, 0.11],
      [2705, 0.45, 0.06],
      [5290, 0.18, 0.03],
    ],
    [
      [1105, 1, 0.1],
      [3050, 0.4, 0.055],
      [5960, 0.15, 0.03],
    ],
  ];
  const strike = (bell, level) => {
    const len = Math.round(0.6 * sr);
    const s = zeros(len);
    for (const [f, a, d] of bell) {
      for (let i = 0; i < len; i++) s[i] += level * a * Math.exp(-i / sr / d) * Math.sin((TAU * f * i) / sr);
    }
    // The clapper's tick: 2 ms of noise.
    for (let i = 0; i < Math.round(0.002 * sr); i++) s[i] += level * 0.25 * (rand() * 2 - 1);
    return s;
  };
  for (const burstStart of [0, 0.6]) {
    for (let k = 0; k < 10; k++) {
      const t = burstStart + k * 0.04 + (rand() - 0.5) * 0.002;
      // The first strikes build up as the clapper gets going.
      const level = (0.75 + 0.25 * rand()) * Math.min(1, 0.55 + k * 0.15);
      mix(out, strike(bells[k % 2], level), Math.max(0, Math.round(t * sr)), 1, true);
    }
  }
  return periodic(out, (x) => filter(x, hp(250, sr), hp(250, sr)));
}

/** The handset lifted: plastic clunk, hook-switch clicks, then a moment of line hiss and hum. */
function pickup(sr) {
  const rand = rng32(0x5049434b);
  const n = Math.round(0.3 * sr);
  const out = zeros(n);
  const damped = (f, d, len) =>
    Float64Array.from(
      { length: Math.round(len * sr) },
      (_, i) => Math.exp(-i / sr / d) * Math.sin((TAU * f * i) / sr),
    );
  mix(out, damped(165, 0.025, 0.15), 0, 0.7);
  mix(out, damped(430, 0.012, 0.08), 0, 0.35);
  const click = (level) =>
    filter(
      Float64Array.from(
        { length: Math.round(0.012 * sr) },
        (_, i) => level * Math.exp(-i / sr / 0.002) * (rand() * 2 - 1),
      ),
      bp(2600, sr, 1.2),
    );
  mix(out, click(1.6), 0);
  mix(out, click(0.9), Math.round(0.026 * sr));
  // Line noise from 35 ms: telephone-band hiss plus a little 50 Hz hum (which the band mostly removes).
  const start = Math.round(0.035 * sr);
  const len = n - start;
  const hiss = filter(noise(len, rand), ...phoneBand(sr));
  const hum = tone(sr, len / sr, 50, 50, [1, 0.5, 0.35, 0.2]);
  const line = fadeEdges(add(scale(hiss, 0.05), scale(hum, 0.012)), sr, 0.03, 0.08);
  mix(out, line, start);
  return fadeEdges(out, sr, 0.0005, 0.005);
}

/** Easy-listening hold music: C - Am - F - G at 96 bpm, electric piano, bass, a synth lead, glockenspiel. */
function holdMusic(sr) {
  const beat = 60 / 96;
  const n = Math.round(16 * beat * sr); // four bars of 4/4: 10 s
  const out = zeros(n);
  const at = (bar, b) => Math.round((bar * 4 + b) * beat * sr);

  // Electric piano: two-operator FM (ratio 1) with a decaying index: bright attack, mellow tail.
  const epiano = (m, beats) => {
    const f = midiHz(m);
    const env = envelope(sr, beats * beat, 0.003, 1.1, 0.2);
    return env.map((g, i) => {
      const t = i / sr;
      const index = 1.5 * Math.exp(-t / 0.3) + 0.15;
      return g * Math.sin(TAU * f * t + index * Math.sin(TAU * f * t));
    });
  };
  // Bass with enough harmonics to survive the telephone band.
  const bass = (m, beats) =>
    mul(
      envelope(sr, beats * beat, 0.005, 0.9, 0.1),
      tone(sr, beats * beat + 0.1, midiHz(m), midiHz(m), [1, 0.6, 0.4, 0.25, 0.15]),
    );
  // Synth lead: a little breathy sine with delayed vibrato.
  const lead = (m, beats) => {
    const f = midiHz(m);
    const env = envelope(sr, beats * beat - 0.05, 0.02, 3, 0.12);
    let phase = 0;
    return env.map((g, i) => {
      const t = i / sr;
      const vib = 1 + 0.005 * Math.min(1, t / 0.3) * Math.sin(TAU * 5.5 * t);
      phase += (TAU * f * vib) / sr;
      return g * (Math.sin(phase) + 0.25 * Math.sin(2 * phase) + 0.1 * Math.sin(3 * phase));
    });
  };
  const glock = (m) =>
    mul(envelope(sr, 0.5, 0.001, 0.25, 0.1), tone(sr, 0.6, midiHz(m), midiHz(m), [1, 0, 0.05]));

  const chords = [
    { notes: [60, 64, 67], bass: [48, 55] }, // C
    { notes: [57, 60, 64], bass: [45, 52] }, // Am
    { notes: [57, 60, 65], bass: [41, 48] }, // F
    { notes: [59, 62, 67], bass: [43, 50] }, // G
  ];
  const melody = [
    [
      [0, 1, 76],
      [1, 1, 79],
      [2, 2, 84],
    ],
    [
      [0, 1, 81],
      [1, 1, 79],
      [2, 2, 76],
    ],
    [
      [0, 1, 77],
      [1, 1, 81],
      [2, 1, 84],
      [3, 1, 81],
    ],
    [
      [0, 2, 79],
      [2, 1, 77],
      [3, 1, 74],
    ],
  ];
  chords.forEach((chord, bar) => {
    // Comping: beat 1, the "and" of 2, beat 4.
    for (const [b, len] of [
      [0, 1.4],
      [1.5, 1.4],
      [3, 0.9],
    ]) {
      for (const m of chord.notes) mix(out, epiano(m, len), at(bar, b), 0.14, true);
    }
    mix(out, bass(chord.bass[0], 1.9), at(bar, 0), 0.22, true);
    mix(out, bass(chord.bass[1], 1.9), at(bar, 2), 0.2, true);
    for (const [b, len, m] of melody[bar]) {
      mix(out, lead(m, len), at(bar, b), 0.3, true);
      mix(out, glock(m + 12), at(bar, b), 0.07, true);
    }
  });
  // A cheap line: gentle saturation, then the telephone band.
  const warm = out.map((v) => Math.tanh(v * 1.4) / 1.4);
  return periodic(warm, (x) => filter(x, ...phoneBand(sr)));
}

/** The line dropped: three descending beeps, then quiet. */
function disconnect(sr) {
  const out = zeros(Math.round(1.5 * sr));
  [1046.5, 880, 698.5].forEach((f, k) => {
    const beep = fadeEdges(tone(sr, 0.25, f, f, [1, 0, 0.2]), sr, 0.008, 0.012);
    mix(out, beep, Math.round(k * 0.37 * sr));
  });
  return filter(out, ...phoneBand(sr));
}

/** Supermarket room: HVAC and room tone, muffled murmur, a distant trolley going by, the odd till beep. Loop. */
function ambienceStore(sr) {
  const rand = rng32(0x53544f52);
  const seconds = 8;
  const n = Math.round(seconds * sr);
  const room = periodic(noise(n, rand), (x) => filter(x, lp(220, sr), lp(220, sr)));
  const hvac = periodic(noise(n, rand), (x) => filter(x, bp(650, sr, 0.6), lp(1500, sr)));

  // Murmur: noise through two formant-like bands, gated by a syllable-rate curve and a slower
  // phrase curve (both repeat exactly over the loop), all muffled by a low-pass.
  let murmur = zeros(n);
  const voices = [
    [480, 1150, 4.1],
    [620, 1400, 3.4],
    [820, 1750, 4.7],
    [540, 1250, 3.0],
    [700, 1600, 5.2],
  ];
  for (const [f1, f2, rate] of voices) {
    const src = noise(n, rand);
    const carrier = periodic(src, (x) =>
      add(filter(x, bp(f1, sr, 2.5)), scale(filter(x, bp(f2, sr, 3)), 0.5)),
    );
    const k = Math.round(rate * seconds);
    const syllables = loopCurve(n, k - 8, k + 8, rand).map((v) => Math.max(0, v) ** 1.5);
    const phrases = loopCurve(n, 1, 4, rand).map((v) => 0.25 + 0.75 * Math.max(0, v));
    murmur = add(murmur, mul(carrier, mul(syllables, phrases)));
  }
  murmur = periodic(murmur, (x) => filter(x, lp(900, sr), lp(1200, sr)));

  // Trolley: wheel rattle impulses exciting metallic resonances, plus rumble, fading in and out.
  const passStart = 1.6;
  const passLen = 4.2;
  const distance = Float64Array.from({ length: n }, (_, i) => {
    const u = (i / sr - passStart) / passLen;
    return u > 0 && u < 1 ? Math.sin(Math.PI * u) ** 2 : 0;
  });
  const impulses = zeros(n);
  for (let t = passStart; t < passStart + passLen; t += -Math.log(1 - rand()) / 38) {
    const i = Math.round(t * sr) % n;
    impulses[i] += (0.4 + 0.6 * rand()) * (rand() < 0.5 ? -1 : 1);
  }
  const rattle = periodic(impulses, (x) =>
    add(
      filter(x, bp(1850, sr, 14)),
      scale(filter(x, bp(2730, sr, 16)), 0.7),
      scale(filter(x, bp(3900, sr, 12)), 0.4),
    ),
  );
  const rumble = periodic(noise(n, rand), (x) => filter(x, lp(140, sr), lp(140, sr)));
  const trolley = periodic(
    add(mul(scaleToPeak(rattle, 1), distance), mul(scaleToPeak(rumble, 0.6), distance)),
    (x) => filter(x, lp(2600, sr)),
  );

  // Till beeps, far off: one at 0.9 s, a double at 6.0 s.
  const tills = zeros(n);
  const beep = fadeEdges(tone(sr, 0.09, 2350, 2350, [1, 0, 0.1]), sr, 0.005, 0.01);
  for (const t of [0.9, 6.0, 6.16]) mix(tills, beep, Math.round(t * sr), 1, true);
  const till = periodic(tills, (x) => filter(x, lp(3000, sr)));

  return add(
    scale(scaleToPeak(room, 1), 0.25),
    scale(scaleToPeak(hvac, 1), 0.12),
    scale(scaleToPeak(murmur, 1), 0.45),
    scale(scaleToPeak(trolley, 1), 0.35),
    scale(scaleToPeak(till, 1), 0.12),
  );
}

/** A short soft UI click. */
function click(sr) {
  const rand = rng32(0x434c4943);
  const n = Math.round(0.04 * sr);
  const out = zeros(n);
  for (let i = 0; i < n; i++) {
    const t = i / sr;
    out[i] =
      0.5 * Math.exp(-t / 0.004) * Math.sin(TAU * 1700 * t) +
      0.4 * Math.exp(-t / 0.007) * Math.sin(TAU * 520 * t);
  }
  const tick = filter(
    Float64Array.from({ length: n }, (_, i) => Math.exp(-i / sr / 0.0015) * (rand() * 2 - 1)),
    bp(3200, sr, 1),
  );
  return fadeEdges(add(out, scale(tick, 0.6)), sr, 0.0005, 0.012);
}

/** Transferring: two rising chirps, the second higher. */
function transfer(sr) {
  const out = zeros(Math.round(0.5 * sr));
  const chirp = (f0, f1) => fadeEdges(tone(sr, 0.13, f0, f1, [1, 0.15]), sr, 0.006, 0.02);
  mix(out, chirp(700, 1000), 0);
  mix(out, chirp(1000, 1400), Math.round(0.18 * sr));
  return filter(out, ...phoneBand(sr));
}

// ---------------------------------------------------------------- catalog --

/**
 * Every sound: manifest key, renderer, sample rate, loop, mix volume (0..1) for the game, the
 * peak level the samples are normalised to, and the on-screen caption.
 */
export const SOUNDS = [
  { key: 'ring', render: ring, sr: ROOM, loop: true, volume: 0.7, peakDb: -4, caption: '[phone ringing]' },
  {
    key: 'pickup',
    render: pickup,
    sr: ROOM,
    loop: false,
    volume: 0.6,
    peakDb: -4,
    caption: '[handset picked up]',
  },
  {
    key: 'hold-music',
    render: holdMusic,
    sr: LINE,
    loop: true,
    volume: 0.45,
    peakDb: -4,
    caption: '[hold music playing]',
  },
  {
    key: 'disconnect',
    render: disconnect,
    sr: LINE,
    loop: false,
    volume: 0.5,
    peakDb: -6,
    caption: '[line goes dead]',
  },
  {
    key: 'ambience-store',
    render: ambienceStore,
    sr: LINE,
    loop: true,
    volume: 0.35,
    peakDb: -12,
    caption: '[supermarket background noise]',
  },
  { key: 'click', render: click, sr: ROOM, loop: false, volume: 0.4, peakDb: -8, caption: '[click]' },
  {
    key: 'transfer',
    render: transfer,
    sr: LINE,
    loop: false,
    volume: 0.5,
    peakDb: -6,
    caption: '[call transferring]',
  },
];

// ------------------------------------------------------------ WAV + checks --

function toInt16(x) {
  const out = new Int16Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = Math.max(-32768, Math.min(32767, Math.round(x[i] * 32767)));
  return out;
}

/** A canonical 44-byte-header mono 16-bit PCM WAV. */
function wav(samples, sr) {
  const data = samples.length * 2;
  const buf = Buffer.alloc(44 + data);
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(36 + data, 4);
  buf.write('WAVE', 8, 'ascii');
  buf.write('fmt ', 12, 'ascii');
  buf.writeUInt32LE(16, 16); // fmt chunk size
  buf.writeUInt16LE(1, 20); // PCM
  buf.writeUInt16LE(1, 22); // mono
  buf.writeUInt32LE(sr, 24);
  buf.writeUInt32LE(sr * 2, 28); // byte rate
  buf.writeUInt16LE(2, 32); // block align
  buf.writeUInt16LE(16, 34); // bits per sample
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(data, 40);
  for (let i = 0; i < samples.length; i++) buf.writeInt16LE(samples[i], 44 + i * 2);
  return buf;
}

/** Level, DC and seam measurements of 16-bit samples, and the problems they show. */
export function analyse(samples, loop) {
  let peak = 0;
  let sum = 0;
  let sq = 0;
  const steps = [];
  for (let i = 0; i < samples.length; i++) {
    const v = samples[i] / 32768;
    peak = Math.max(peak, Math.abs(v));
    sum += v;
    sq += v * v;
    if (i > 0) steps.push(Math.abs(samples[i] - samples[i - 1]));
  }
  steps.sort((a, b) => a - b);
  const typicalStep = steps[Math.floor(steps.length * 0.999)] ?? 0;
  const first = samples[0];
  const last = samples[samples.length - 1];
  const seam = loop ? Math.abs(first - last) : Math.max(Math.abs(first), Math.abs(last));
  const dc = sum / samples.length;
  const stats = { peakDb: db(peak), rmsDb: db(Math.sqrt(sq / samples.length)), dc, seam, typicalStep };
  const problems = [];
  if (stats.peakDb > PEAK_LIMIT_DB)
    problems.push(`peak ${stats.peakDb.toFixed(2)} dBFS is over ${PEAK_LIMIT_DB}`);
  if (Math.abs(dc) > 0.001) problems.push(`DC offset ${dc.toFixed(5)}`);
  if (loop && seam > Math.max(typicalStep, 2))
    problems.push(`loop seam jumps ${seam} (typical step ${typicalStep})`);
  if (!loop && seam > 1) problems.push(`one-shot starts/ends at ${first}/${last}, not zero`);
  return { ...stats, problems };
}

/** Renders every sound: file name to bytes (manifest.json included), plus the table rows. */
export function renderAll() {
  const files = new Map();
  const rows = [];
  const manifest = { sounds: {} };
  for (const s of SOUNDS) {
    const x = scaleToPeak(removeDc(s.render(s.sr), s.loop), fromDb(s.peakDb));
    const samples = toInt16(x);
    const file = `${s.key}.wav`;
    const bytes = wav(samples, s.sr);
    files.set(file, bytes);
    const duration = Math.round((samples.length / s.sr) * 1000) / 1000;
    manifest.sounds[s.key] = { file, loop: s.loop, volume: s.volume, duration, caption: s.caption };
    rows.push({ file, sr: s.sr, duration, bytes: bytes.length, loop: s.loop, ...analyse(samples, s.loop) });
  }
  files.set('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  return { files, rows };
}

function table(rows) {
  const head = ['file', 'Hz', 'sec', 'bytes', 'loop', 'peak dBFS', 'rms dBFS', 'DC', 'seam/step', 'ok'];
  const body = rows.map((r) => [
    r.file,
    String(r.sr),
    r.duration.toFixed(3),
    String(r.bytes),
    r.loop ? 'yes' : 'no',
    r.peakDb.toFixed(2),
    r.rmsDb.toFixed(1),
    r.dc.toExponential(1),
    `${r.seam}/${r.typicalStep}`,
    r.problems.length ? 'FAIL' : 'ok',
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((row) => row[c].length)));
  const line = (cells) =>
    cells.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

function main(argv) {
  const i = argv.indexOf('--out');
  const out = i >= 0 && argv[i + 1] ? resolve(argv[i + 1]) : DEFAULT_OUT;
  const { files, rows } = renderAll();
  console.log(table(rows));
  const total = [...files.values()].reduce((s, b) => s + b.length, 0);
  const problems = rows.flatMap((r) => r.problems.map((p) => `${r.file}: ${p}`));
  if (total > TOTAL_LIMIT_BYTES) problems.push(`total ${total} bytes is over ${TOTAL_LIMIT_BYTES}`);
  if (problems.length) {
    console.error(`\nnot written, ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  mkdirSync(out, { recursive: true });
  for (const [name, bytes] of files) writeFileSync(join(out, name), bytes);
  console.log(`\nwrote ${files.size} files to ${out} (${(total / 1024).toFixed(1)} KB)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href)
  main(process.argv.slice(2));
