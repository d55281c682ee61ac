import { Box, Text } from 'ink';
import { listHeight, windowAt, windowStart } from './layout.js';
import { KeyHints, MoreMark, TitleBar, toneProps } from './line-view.js';
import { type PickRow, pickRows, pickSummary } from './pick-rows.js';
import type { UiState } from './state-types.js';

const ROWS_WIDTH = 12;

/** Screen 2: tick tables, change their row counts, filter by name. */
export function PickScreen({ state }: { state: UiState }) {
  const rows = pickRows(state);
  const height = listHeight(state.size);
  const view = windowAt(rows, windowStart(state.pick.cursor, rows.length, height), height);
  // the marker takes what the name leaves, but never squeezes the name below ~half the width
  const markerWidth = Math.max(10, Math.min(32, state.size.columns - ROWS_WIDTH - 8 - 24));
  const { pick } = state;
  return (
    <Box flexDirection="column" width={state.size.columns}>
      <TitleBar title="pick tables" target={state.target} width={state.size.columns} />
      <Text wrap="truncate-end">{pickSummary(state)}</Text>
      <MoreMark count={view.above} up />
      {view.items.map((row) => <PickLine key={row.key} row={row} markerWidth={markerWidth} />)}
      {rows.length === 0 ? <Text dimColor>{`  no table matches "${pick.filter}"`}</Text> : null}
      <MoreMark count={view.below} up={false} />
      {pick.filtering || pick.filter
        ? <Text color="cyan" wrap="truncate-end">{`/${pick.filter}${pick.filtering ? '▏  (enter keep · esc clear)' : ''}`}</Text>
        : <Text color="yellow" wrap="truncate-end">{pick.notice ?? ' '}</Text>}
      <KeyHints text="↑↓ move · space tick · a all · ←→ rows ÷2 ×2 · / filter · enter plan · q quit" />
    </Box>
  );
}

function PickLine({ row, markerWidth }: { row: PickRow; markerWidth: number }) {
  const tone = toneProps(row.tone);
  return (
    <Box>
      <Box flexShrink={0} width={6}>
        <Text color={row.current ? 'cyan' : undefined} bold={row.current}>{`${row.current ? '›' : ' '} ${row.checked ? '[x]' : '[ ]'}`}</Text>
      </Box>
      <Box flexGrow={1} flexShrink={1} minWidth={0}>
        <Text wrap="truncate-end" bold={row.current} inverse={row.current}>{row.name}</Text>
      </Box>
      <Box flexShrink={0} width={ROWS_WIDTH} justifyContent="flex-end">
        <Text color={row.changed ? 'cyan' : undefined} bold={row.changed}>{row.rows}</Text>
      </Box>
      <Box flexShrink={0} width={markerWidth} marginLeft={2}>
        <Text wrap="truncate-end" {...tone}>{row.marker}</Text>
      </Box>
    </Box>
  );
}
