declare module 'virtual:stories' {
  import type { StoryEntry } from './authoring/catalog';
  export const stories: StoryEntry[];
}
