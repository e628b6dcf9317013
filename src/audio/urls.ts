/**
 * URLs of the WAVs in assets/audio/, via Vite (hashed files in a build, possibly inlined data: URLs
 * for the tiniest). Kept apart from audio.ts so code that only needs the manifest does not need Vite.
 */
const urls = import.meta.glob('../../assets/audio/*.wav', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export function soundUrl(file: string): string {
  const url = urls[`../../assets/audio/${file}`];
  if (!url) {
    throw new Error(
      `assets/audio/${file} is in the manifest but not on disk (run \`node assets/scripts/make-sounds.mjs\`)`,
    );
  }
  return url;
}
