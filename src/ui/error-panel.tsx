import { Box, Text } from 'ink';
import { KeyHints } from './line-view.js';

/** One clear panel for whatever stopped the run: the AutoseedError message names cause and fix. */
export function ErrorPanel({ message, width }: { message: string; width: number }) {
  return (
    <Box flexDirection="column" width={width}>
      <Box borderStyle="round" borderColor="red" flexDirection="column" paddingX={1} width={width}>
        <Text bold color="red">autoseed stopped</Text>
        <Text wrap="wrap">{message}</Text>
      </Box>
      <KeyHints text="q quit" />
    </Box>
  );
}
