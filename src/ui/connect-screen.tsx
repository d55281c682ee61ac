import { Box, Text } from 'ink';
import { spinnerFrame } from './format.js';
import { KeyHints, TitleBar } from './line-view.js';

/** Screen 1: a spinner and what is being done while connecting and reading the schema. */
export function ConnectScreen({ target, status, frame, width }: { target: string; status: string; frame: number; width: number }) {
  return (
    <Box flexDirection="column" width={width}>
      <TitleBar title="connecting" target={target} width={width} />
      <Box marginY={1}>
        <Text color="cyan">{`${spinnerFrame(frame)} `}</Text>
        <Text wrap="truncate-end">{`${status}…`}</Text>
      </Box>
      <KeyHints text="q quit" />
    </Box>
  );
}
