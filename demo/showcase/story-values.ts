// A story's control values: what every story of its element starts with, the story's own, and what the person
// changed since, kept in sessionStorage so that they outlast the trip to the Shell and back (nothing secret: the
// element's attributes, never a token or an identity code).
import type { StoryValues } from './controls.js';
import type { Story } from './stories.js';

const storageKey = (tagName: string, storyId: string) => `hv-demo:controls:${tagName}/${storyId}`;

/** The values a story starts with (and a reset goes back to). */
export function initialValues(story: Story, base: Readonly<Record<string, string | boolean>>): StoryValues {
  return {
    attributes: { ...base, ...story.attributes },
    cssProperties: {},
    slots: { ...story.slots },
  };
}

export function loadValues(tagName: string, story: Story, initial: StoryValues): StoryValues {
  try {
    const saved = JSON.parse(sessionStorage.getItem(storageKey(tagName, story.id)) ?? 'null') as StoryValues | null;
    return saved ?? initial;
  } catch {
    return initial;
  }
}

export function saveValues(tagName: string, story: Story, values: StoryValues): void {
  sessionStorage.setItem(storageKey(tagName, story.id), JSON.stringify(values));
}

export function forgetValues(tagName: string, story: Story): void {
  sessionStorage.removeItem(storageKey(tagName, story.id));
}
