/** The words of a space-separated attribute, undefined when there are none (or the attribute was removed). */
export function splitWords(words: string | null | undefined): string[] | undefined {
  const list = words?.split(/\s+/).filter(Boolean);
  return list?.length ? list : undefined;
}
