import { Box, Text } from 'ink';
import { summaryBodyHeight } from './layout.js';
import { KeyHints, LineView, ScrollView, TitleBar } from './line-view.js';
import type { UiState } from './state-types.js';
import { NEXT_COMMANDS, summaryHeadline, summaryLines, verifyHeadline } from './summary-lines.js';

/** Screen 5: what was written, whether it holds, and what to run next. */
export function SummaryScreen({ state }: { state: UiState }) {
  const frame = state.clock.frame;
  return (
    <Box flexDirection="column" width={state.size.columns}>
      <TitleBar title="done" target={state.target} width={state.size.columns} />
      <LineView line={summaryHeadline(state)} frame={frame} />
      <LineView line={verifyHeadline(state.verify)} frame={frame} />
      <ScrollView lines={summaryLines(state)} scroll={state.scroll} height={summaryBodyHeight(state.size)} frame={frame} />
      <Text color="cyan" wrap="truncate-end">{NEXT_COMMANDS}</Text>
      <KeyHints text="↑↓ scroll · q quit" />
    </Box>
  );
}
