import { Box, Text } from 'ink';
import { bar, formatInt, formatMs, plural, spinnerFrame } from './format.js';
import { KeyHints, LineView, TitleBar } from './line-view.js';
import type { Line } from './lines.js';
import { nameOf } from './names.js';
import { seedTotals } from './state-seed.js';
import type { TableProgress, UiState } from './state-types.js';

const WARNINGS_SHOWN = 3;

/** Screen 4: a bar per running table, finished ones collapsed to one line, overall bar, rate, ETA. */
export function SeedScreen({ state }: { state: UiState }) {
  const { seed, size, clock } = state;
  const name = nameOf(state.source?.tables ?? []);
  const running = seed.tables.filter((t) => t.status === 'running');
  const finished: Line[] = [
    ...seed.tables.filter((t) => t.status === 'done').map((t) => ({ text: `✓ ${name(t.key)}`, right: `${formatInt(t.rows).padStart(9)} rows ${formatMs(t.ms).padStart(8)}`, tone: 'ok' as const })),
    ...seed.updates.map((u) => ({ text: `↺ ${name(u.table)} (${u.foreignKeys.join(', ')})`, right: `${formatInt(u.rows)} rows updated`, tone: 'dim' as const })),
  ];
  const warnings = seed.warnings.slice(-WARNINGS_SHOWN);
  const fixed = 1 + 1 + running.length + 1 + 1 + 1 + (warnings.length ? warnings.length + 1 : 0) + 1;
  const room = Math.max(1, size.rows - 1 - fixed);
  const shown = finished.length > room ? finished.slice(finished.length - (room - 1)) : finished;
  const hidden = finished.length - shown.length;
  const totals = seedTotals(seed, clock.now);
  const barWidth = Math.max(10, Math.min(30, Math.floor(size.columns / 3)));
  return (
    <Box flexDirection="column" width={size.columns}>
      <TitleBar title={`seeding ${plural(seed.tableCount, 'table')}, ${plural(seed.totalRows, 'row')}`} target={state.target} width={state.size.columns} />
      {hidden > 0 ? <Text dimColor>{`  … ${hidden} more done`}</Text> : null}
      {shown.map((line, i) => <LineView key={i} line={line} frame={clock.frame} />)}
      {running.map((t) => <RunningTable key={t.key} table={t} name={name(t.key)} frame={clock.frame} barWidth={barWidth} />)}
      {seed.startedAt === null ? <Text>{`${spinnerFrame(clock.frame)} preparing the run…`}</Text> : null}
      <Text> </Text>
      <Box>
        <Box flexShrink={0}><Text bold>{'Overall '}</Text></Box>
        <Box flexShrink={0}><Text color="green">{bar(totals.ratio, barWidth)}</Text></Box>
        <Box flexShrink={1} minWidth={0} marginLeft={1}>
          <Text wrap="truncate-end">{`${Math.floor(totals.ratio * 100)}%  ${formatInt(totals.rows)}/${formatInt(seed.totalRows)} rows`}</Text>
        </Box>
      </Box>
      <Text dimColor wrap="truncate-end">
        {`${totals.rate === null ? '… rows/s' : `${formatInt(totals.rate)} rows/s`} · ETA ${totals.etaMs === null ? '…' : formatMs(totals.etaMs)} · elapsed ${formatMs(totals.elapsedMs)}`}
      </Text>
      {warnings.length > 0 ? <Text bold color="yellow">Warnings</Text> : null}
      {warnings.map((w, i) => <Text key={i} color="yellow" wrap="truncate-end">{`! ${w}`}</Text>)}
      <KeyHints text="ctrl-c abort (nothing is kept: one transaction)" />
    </Box>
  );
}

function RunningTable({ table, name, frame, barWidth }: { table: TableProgress; name: string; frame: number; barWidth: number }) {
  const ratio = table.total > 0 ? table.rows / table.total : 0;
  return (
    <Box>
      <Box flexShrink={0}><Text color="cyan">{`${spinnerFrame(frame)} `}</Text></Box>
      <Box flexGrow={1} flexShrink={1} minWidth={0}><Text wrap="truncate-end">{name}</Text></Box>
      <Box flexShrink={0} marginLeft={1}><Text color="cyan">{bar(ratio, barWidth)}</Text></Box>
      <Box flexShrink={0} marginLeft={1}><Text>{`${formatInt(table.rows)}/${formatInt(table.total)}${table.method === 'insert' ? ' insert' : ''}`}</Text></Box>
    </Box>
  );
}
