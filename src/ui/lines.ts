/** How a line is coloured. */
export type Tone = 'title' | 'plain' | 'dim' | 'ok' | 'warn' | 'bad' | 'accent';

/**
 * One line of a scrolling screen: `text` is cut to fit, `right` (counts, times) is kept whole at
 * the right edge; `spin` puts a spinner in front.
 */
export interface Line {
  readonly text: string;
  readonly right?: string;
  readonly tone?: Tone;
  readonly spin?: boolean;
}

const BLANK: Line = { text: '' };

/** A section heading followed by its lines, indented, with a blank line before it; nothing when empty. */
export function section(title: string, lines: readonly Line[]): Line[] {
  return lines.length === 0 ? [] : [BLANK, { text: title, tone: 'title' }, ...lines.map((l) => ({ ...l, text: `  ${l.text}` }))];
}
