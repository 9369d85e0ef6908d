// Questions host code asks about a failed command, by name instead of by number: "did the reader
// say it lacks this command?", "did the Sys group say not found?".

import { ReaderStatusError } from './errors.ts';
import { COMMAND_GROUP, GENERAL_STATUS, commandGroup } from './status.ts';

type Group = keyof typeof COMMAND_GROUP;

/** The reader answered with `status` of `group` (group codes only mean something for their own group). */
export function isGroupStatus(err: unknown, group: Group, status: number): err is ReaderStatusError {
  return err instanceof ReaderStatusError && commandGroup(err.cmdCode) === COMMAND_GROUP[group] && err.status === status;
}

/**
 * ErrInvalidCmd (0x41): the firmware does not know the command. BALTECH's host library calls this
 * "unsupported command" (real-readers.md); for commands without parameters it can mean nothing else.
 */
export function isUnsupportedCommand(err: unknown): err is ReaderStatusError {
  return err instanceof ReaderStatusError && err.status === GENERAL_STATUS.ErrInvalidCmd;
}
