import { Box, Text } from 'ink';
import { spinnerFrame } from './format.js';
import { windowAt } from './layout.js';
import type { Line, Tone } from './lines.js';

/** Ink text props for a tone. */
export function toneProps(tone: Tone | undefined): { color?: string; dimColor?: boolean; bold?: boolean } {
  switch (tone) {
    case 'title': return { bold: true };
    case 'dim': return { dimColor: true };
    case 'ok': return { color: 'green' };
    case 'warn': return { color: 'yellow' };
    case 'bad': return { color: 'red' };
    case 'accent': return { color: 'cyan' };
    default: return {};
  }
}

/** One line: the text cut to the width left, `right` whole at the right edge. */
export function LineView({ line, frame }: { line: Line; frame: number }) {
  return (
    <Box>
      {line.spin ? <Text color="cyan">{`${spinnerFrame(frame)} `}</Text> : null}
      <Box flexGrow={1} flexShrink={1} minWidth={0}>
        <Text wrap="truncate-end" {...toneProps(line.tone)}>{line.text || ' '}</Text>
      </Box>
      {line.right ? (
        <Box flexShrink={0} marginLeft={1}>
          <Text {...toneProps(line.tone === 'title' ? undefined : line.tone)}>{line.right}</Text>
        </Box>
      ) : null}
    </Box>
  );
}

/** `↑ 3 more` / `↓ 5 more`, or an empty line, so the layout never jumps. */
export function MoreMark({ count, up }: { count: number; up: boolean }) {
  return <Text dimColor>{count > 0 ? `  ${up ? '↑' : '↓'} ${count} more` : ' '}</Text>;
}

/** `height` lines from `scroll`, with marks for what is cut off above and below. */
export function ScrollView({ lines, scroll, height, frame }: { lines: readonly Line[]; scroll: number; height: number; frame: number }) {
  const view = windowAt(lines, scroll, height);
  return (
    <Box flexDirection="column">
      <MoreMark count={view.above} up />
      {view.items.map((line, i) => <LineView key={view.start + i} line={line} frame={frame} />)}
      <MoreMark count={view.below} up={false} />
    </Box>
  );
}

/** The key hints at the bottom of a screen. */
export function KeyHints({ text }: { text: string }) {
  return <Text dimColor wrap="truncate-end">{text}</Text>;
}

/** The first line of every screen: what it is, and where we are connected when that fits. */
export function TitleBar({ title, target, width }: { title: string; target: string; width: number }) {
  const heading = `autoseed · ${title}`;
  const fits = [...heading].length + 2 + [...target].length <= width;
  return (
    <Box justifyContent="space-between">
      <Text bold color="cyan" wrap="truncate-end">{heading}</Text>
      {fits ? <Text dimColor>{target}</Text> : null}
    </Box>
  );
}
