/**
 * Photo credits: a paragraph that is exactly a credit line, `■ 阮洋摄`, `■阮洋 摄`, `□ 张三 李四摄`,
 * `■ 本报记者 张三 摄`, becomes
 * `<p class="photo-credit"><span class="photo-credit__mark" aria-hidden="true">■</span> 阮洋摄</p>`.
 * The text is kept verbatim; the mark is only hidden from screen readers.
 */
import type { Paragraph, Root, Text } from 'mdast';
import type {} from 'mdast-util-to-hast'; // types `data.hName` / `data.hProperties`
import { visit } from 'unist-util-visit';

export interface Options {
  /** Longest credit (names and spaces between mark and `摄`) still taken as a credit; default 30. */
  maxLength?: number | undefined;
}

/** Mark, then names (letters, spaces, `·` in transliterated names, `、` between names), then 摄. */
const CREDIT = /^([■□])([\p{L}\p{M}\s·、]+?)\s*摄\s*$/u;

export function remarkPhotoCredit(options: Readonly<Options> = {}) {
  const maxLength = options.maxLength ?? 30;

  return function transformer(tree: Root): undefined {
    visit(tree, 'paragraph', (paragraph: Paragraph) => {
      const [only] = paragraph.children;
      if (paragraph.children.length !== 1 || only?.type !== 'text') return;

      const match = CREDIT.exec(only.value);
      const [, mark, names] = match ?? [];
      if (mark === undefined || names === undefined || names.trim() === '' || names.length > maxLength) return;

      const markNode: Text = {
        type: 'text',
        value: mark,
        data: { hName: 'span', hProperties: { className: ['photo-credit__mark'], ariaHidden: 'true' } },
      };
      paragraph.data = { ...paragraph.data, hProperties: { className: ['photo-credit'] } };
      paragraph.children = [markNode, { type: 'text', value: only.value.slice(mark.length) }];
    });
  };
}
