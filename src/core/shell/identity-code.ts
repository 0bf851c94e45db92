/**
 * Identity codes of Patient Connect requests and drop-off packages (reference §6.2, §7): 20 letters, shown in five
 * groups of four (`JKYZ-QNMN-VHRX-ZGNR-GZNH`). The Shell takes one as `packageid` on its CONNECT and PICKUP targets.
 * The code is a secret: these functions never put it in a message.
 */

/** How many letters an identity code has. */
export const IDENTITY_CODE_LENGTH = 20;

/** What keeps a text from being an identity code. */
export type IdentityCodeProblem =
  /** Nothing typed. */
  | 'empty'
  /** Something besides letters, spaces and dashes (`offending`: the first such character, which is not the code). */
  | 'not-a-letter'
  /** Fewer than 20 letters (`count`: how many). */
  | 'too-short'
  /** More than 20 letters (`count`: how many). */
  | 'too-long'
  /** A link with no `packageid` in it. */
  | 'link-without-code';

export type IdentityCodeReading =
  | { code: string; problem?: undefined }
  | { code?: undefined; problem: IdentityCodeProblem; count?: number; offending?: string };

const PACKAGE_ID = /^packageid$/i;

/** The `packageid` a Shell link carries, at the top level or inside `targetqs`; undefined when there is none. */
function packageIdOf(url: URL): string | undefined {
  const find = (params: URLSearchParams) => [...params].find(([name]) => PACKAGE_ID.test(name))?.[1];
  const targetqs = [...url.searchParams].find(([name]) => /^targetqs$/i.test(name))?.[1];
  return find(url.searchParams) ?? (targetqs === undefined ? undefined : find(new URLSearchParams(targetqs)));
}

/**
 * Reads an identity code as people type or paste it: any letter case, spaces, missing or extra dashes, or a whole
 * CONNECT or PICKUP link with `packageid` in it. Gives the code as 20 upper-case letters, or what is wrong.
 */
export function readIdentityCode(input: string): IdentityCodeReading {
  let text = input.trim();
  // A whole link, or its query string alone (`target=CONNECT&targetqs=packageid%3D…`).
  const link = /^https?:\/\//i.test(text)
    ? text
    : /packageid\s*(=|%3d)/i.test(text)
      ? `?${text.replace(/^\?/, '')}`
      : '';
  if (link) {
    let url: URL | undefined;
    try {
      url = new URL(link, 'https://shell.invalid/redirect.aspx');
    } catch {
      // Not a URL after all: read as typed.
    }
    const fromLink = url && packageIdOf(url);
    if (url && fromLink === undefined) return { problem: 'link-without-code' };
    if (fromLink !== undefined) text = fromLink.trim();
  }
  const letters = text.replace(/[\s\-‐‑‒–—]+/g, '');
  if (!letters) return { problem: 'empty' };
  const offending = /[^A-Za-z]/u.exec(letters)?.[0];
  if (offending) return { problem: 'not-a-letter', offending };
  if (letters.length < IDENTITY_CODE_LENGTH) return { problem: 'too-short', count: letters.length };
  if (letters.length > IDENTITY_CODE_LENGTH) return { problem: 'too-long', count: letters.length };
  return { code: letters.toUpperCase() };
}

/** Letters grouped by four with dashes, as codes are printed: `JKYZ-QNMN-V` for a code being typed. */
export function groupIdentityCode(letters: string): string {
  return letters.match(/.{1,4}/gu)?.join('-') ?? '';
}
