/**
 * Respect the trainee's "reduce motion" setting: people walk on instead of walking over, faces change
 * without a pop, scenes cut instead of fading.
 */
export function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** A duration to use for an animation: 0 when motion is reduced. */
export const motionMs = (ms: number): number => (reducedMotion() ? 0 : ms);
