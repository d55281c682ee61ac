import { Box, Text } from 'ink';
import { spinnerFrame } from './format.js';
import { bodyHeight } from './layout.js';
import { KeyHints, ScrollView, TitleBar } from './line-view.js';
import { planLines } from './plan-lines.js';
import { planReady } from './state.js';
import type { UiState } from './state-types.js';

/** Screen 3: what will happen, before anything is written. */
export function PlanScreen({ state }: { state: UiState }) {
  const ready = planReady(state) && state.plan !== null;
  const nothing = ready && !state.plan!.tables.some((t) => t.mode === 'seed');
  return (
    <Box flexDirection="column" width={state.size.columns}>
      <TitleBar title="plan" target={state.target} width={state.size.columns} />
      {ready
        ? <ScrollView lines={planLines(state.plan!, state.source?.tables ?? [], state.source?.pii ?? null)} scroll={state.scroll} height={bodyHeight(state.size)} frame={state.clock.frame} />
        : <Text>{`${spinnerFrame(state.clock.frame)} planning…`}</Text>}
      <KeyHints text={nothing ? 'nothing to seed · esc back · q quit' : '↑↓ scroll · enter seed · esc back · q quit'} />
    </Box>
  );
}
