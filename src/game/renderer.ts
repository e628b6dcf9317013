/**
 * Which Phaser renderer to use. WebGL when the GPU draws it; Canvas 2D when WebGL would be emulated in
 * software (no GPU, remote desktops, the virtual desktops many contact centres run on). Phaser's
 * WebGL shaders under a software rasteriser manage about 10 frames a second and block input while
 * they draw; Canvas 2D draws the same sprites several times faster there.
 */
import Phaser from 'phaser';

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render/i;

export function softwareWebGL(): boolean {
  try {
    const canvas = document.createElement('canvas');
    // A browser that would have to emulate WebGL refuses a context with this flag.
    const strict = canvas.getContext('webgl', { failIfMajorPerformanceCaveat: true });
    if (!strict) return true;
    const info = strict.getExtension('WEBGL_debug_renderer_info');
    const name = info ? String(strict.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
    strict.getExtension('WEBGL_lose_context')?.loseContext();
    return SOFTWARE.test(name);
  } catch {
    return true;
  }
}

export function chooseRenderer(): number {
  return softwareWebGL() ? Phaser.CANVAS : Phaser.WEBGL;
}
