import type { BrpCommand } from '../../shared/brp/command.ts';
import type { RunningSimulator } from '../../simulator/startSimulator.ts';

/**
 * Resolves once the in-process virtual reader has answered a `command` frame: a test's way to act at a
 * known point of a conversation (e.g. cut an upload after its first block) instead of after a guessed delay.
 */
export function afterReaderAnswers(sim: RunningSimulator, command: BrpCommand<unknown, unknown>): Promise<void> {
  const reader = sim.reader;
  const handle = reader.handle.bind(reader);
  return new Promise((resolve) => {
    reader.handle = async (frame) => {
      const outcome = await handle(frame);
      if (frame.cmdCode === command.code) {
        reader.handle = handle;
        resolve();
      }
      return outcome;
    };
  });
}
