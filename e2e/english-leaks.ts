import { expect, type Page } from '@playwright/test';
import en from '../messages/en.json';
import km from '../messages/km.json';
import { SAME_IN_BOTH } from '../messages/same-in-both';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [[path, value] as [string, string]] : leaves(value, path);
  });
}

/** The end of the {…} block that starts at `from`. */
function closing(s: string, from: number): number {
  let depth = 0;
  for (let i = from; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  return s.length;
}

/** The literal text of an ICU message: what a reader sees around its placeholders, in every plural branch. */
export function literals(message: string): string[] {
  const out: string[] = [];
  let text = '';
  for (let i = 0; i < message.length; i++) {
    if (message[i] !== '{') { text += message[i]; continue; }
    out.push(text);
    text = '';
    const end = closing(message, i);
    const branches = /^\s*\w+\s*,\s*(?:plural|select|selectordinal)\s*,([\s\S]*)$/.exec(message.slice(i + 1, end));
    if (branches) {
      const body = branches[1]!;
      for (let j = body.indexOf('{'); j >= 0 && j < body.length; j = body.indexOf('{', closing(body, j))) {
        out.push(...literals(body.slice(j + 1, closing(body, j))));
      }
    }
    i = end;
  }
  out.push(text);
  return out.flatMap((t) => t.split('#')).map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

const kmByKey = new Map(leaves(km as Tree));

/**
 * Pieces of English UI text that must not show on a Khmer page: the literal text of every
 * English message whose Khmer differs, long enough not to match by chance (a lone "of").
 */
export const ENGLISH_UI_TEXT: readonly string[] = [...new Set(
  leaves(en as Tree)
    .filter(([key, value]) => kmByKey.get(key) !== value && !SAME_IN_BOTH.has(value))
    .flatMap(([, value]) => literals(value))
    .filter((piece) => !SAME_IN_BOTH.has(piece) && (piece.match(/[A-Za-z]/g)?.length ?? 0) >= 4),
)];

/**
 * The page's visible text, less what is not UI: elements in another language on purpose
 * (the language switch's "English") and the given data (people's names, case titles).
 */
async function visibleUiText(page: Page, data: readonly string[]): Promise<string> {
  const text = await page.evaluate(() => {
    const parts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, noscript, [lang]:not([lang="km"])')) continue;
      if (!parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      parts.push(node.textContent ?? '');
    }
    return parts.join('\n');
  });
  return data.reduce((t, d) => t.split(d).join(' '), text.replace(/[ \t]+/g, ' '));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Fails listing every piece of English UI text visible on the page. A piece inside a
 * hyphenated word ("7-year-old" in an English case title) is data, not UI.
 */
export async function expectNoEnglishUi(page: Page, data: readonly string[] = []): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', 'km');
  const text = await visibleUiText(page, data);
  const found = ENGLISH_UI_TEXT.flatMap((piece) => {
    const at = new RegExp(`(^|[^A-Za-z-])${escape(piece)}($|[^A-Za-z-])`).exec(text);
    return at ? [`${piece} in "…${text.slice(Math.max(0, at.index - 30), at.index + piece.length + 30)}…"`] : [];
  });
  expect(found, `English UI text on ${page.url()}`).toEqual([]);
}
