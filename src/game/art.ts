/**
 * The art the game loads: SVGs made by assets/scripts/make-art.mjs, described by its manifest.
 */
import manifestJson from '../../assets/art/manifest.json';
import type { Expression, Pose, Role } from '../engine/tags.ts';

export interface PoseArt {
  file: string;
  width: number;
  height: number;
  /** Centre of the face in the pose image, in its pixels from the top-left. */
  face: { x: number; y: number };
}

export interface PropArt {
  file: string;
  /** Centre, in background coordinates. */
  x: number;
  y: number;
}

export interface ArtManifest {
  backgrounds: Record<string, string>;
  faces: Record<Expression, string>;
  faceSize: { width: number; height: number };
  characters: Record<string, { poses: Partial<Record<string, PoseArt>> }>;
  /** Where characters stand on a background: bottom-centre points. */
  stage?: Record<string, Record<string, { x: number; y: number }>>;
  props?: Record<string, PropArt>;
}

export const manifest = manifestJson as unknown as ArtManifest;

const urls = import.meta.glob('../../assets/art/*.svg', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export function artUrl(file: string): string {
  const url = urls[`../../assets/art/${file}`];
  if (!url) throw new Error(`assets/art/${file} is in the manifest but not on disk`);
  return url;
}

/** Which drawn character plays each cast role. */
export const CHARACTER_FOR_ROLE: Record<Role, string> = {
  player: 'clerk',
  customer: 'shopper',
  manager: 'manager',
  colleague: 'colleague',
  bystander: 'bystander',
};

export const bodyKey = (character: string, pose: Pose | string) => `${character}-${pose}`;
export const propKey = (name: string) => `prop-${name}`;
export const faceKey = (expression: Expression) => `face-${expression}`;
export const backgroundKey = (name: string) => `bg-${name}`;
