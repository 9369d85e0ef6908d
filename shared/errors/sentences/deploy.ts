// The catalogue's sentences of a deploy's result for one reader (electron/host/lifecycle/deployJob.ts,
// deployResult.ts: the result's `message`, shown as its details in the app) and of the activities
// the event log keeps (deploy, finalize, factory reset). Part of HOST_SENTENCES (../catalogue.ts).

export const DEPLOY_SENTENCES = {
  // What a deploy proved for one reader.
  'deploy.not-started-busy':
    'Not started: another deploy is sending a file to {port} right now, so nothing was sent. Wait for it to finish, then deploy again if needed.',
  'deploy.not-started-same':
    'Not started: {port} is the same reader as {other}, which another deploy is sending a file to right now, so nothing was sent. Wait for it to finish.',
  'deploy.nothing-sent': 'Not deployed: {why:stop} No file data was sent to the reader.',
  'deploy.accepted-unread':
    'Accepted: the reader confirmed the file. It did not answer after its restart, so what it runs now was not read back; check it with "Read back" or "readerdesk info".',
  'deploy.accepted-runs': 'Accepted; after its restart the reader runs {config}.',
  'deploy.accepted-confirmation-lost':
    "Accepted: the reader's confirmation was lost on the line, but after its restart it runs {config}, which it did not run before this deploy.",
  'deploy.not-deployed-unchanged': 'Not deployed: {why} Checked afterwards: the reader still runs {config}, as before this deploy. Deploy again.',
  'deploy.unknown':
    'Unknown — check this reader: the line failed at the last block ({why:bare}) and {seen}. Check what it runs with "Read back" or "readerdesk info", then deploy again if needed.',
  'deploy.seen-silent': 'it did not answer afterwards',
  'deploy.seen-runs': 'it runs {config}, which does not prove which file it took',
  'deploy.not-deployed': 'Not deployed: {why:stop}{checked}',
  'deploy.checked-unchanged': ' Checked afterwards: the reader still runs {config}, as before this deploy.',
  'deploy.checked-never-whole':
    ' A reader applies a file only once it has all of it, and it never got the last block; check it with "Read back" if in doubt.',
  'deploy.config-without-id': 'a configuration without id',
  'deploy.no-configuration': 'no configuration',
  'deploy.failed': 'Not deployed: {why}',
  'deploy.rejected': 'Rejected: {why}',
  'deploy.firmware-bec-only':
    "Rejected: firmware older than 2.00 loads only BEC files, and this reader cannot take a BEC2 file. Update its firmware to 2.00 or later, or load the configuration as a BEC file with BALTECH's tools.",
  'deploy.already-up-to-date': 'Already up to date: the reader runs everything in this file already, so nothing was changed.',

  // Why a reader refused the file (clauses after "Rejected: ").
  'deploy.why.busy': 'the reader is busy with another upload; try again in a few seconds.',
  'deploy.why.read-file': 'the reader could not read the file data it asked for.',
  'deploy.why.format': 'the reader found the file damaged or not in BEC2 format; export it again from the BALCFG.',
  'deploy.why.customer-key':
    "the file was finalized with a customer key this reader does not accept; finalize it on a reader with this reader's customer key.",
  'deploy.why.other-configuration':
    'the reader runs another configuration (its Config Security Code differs); factory-reset it first if it should change configuration.',
  'deploy.why.rollback':
    'the file is an older version than the one the reader runs (rollback prevention); make a new version from the old one instead.',
  'deploy.why.cmac': 'a message authentication code in the file is wrong: the file was altered or damaged.',
  'deploy.why.upload': 'the reader could not store the configuration in its memory.',
  'deploy.why.no-security-code': 'the reader has no Config Security Code to decode this file with.',
  'deploy.why.ecc-key': 'the file was encrypted for another reader key.',

  // The line speed a reader was lost at (electron/host/brp/negotiateBaud.ts; a clause inside brp.port-lost).
  'port.rate-lost':
    'the reader stopped answering at {baud} baud, the rate Sys.SetCommParam switched it to, and does not answer at {from} either; it returns to its configured rate when it restarts (switch it off and on), and a maximum below {baud} for this port keeps this from happening again',

  // The event log's activities (electron/host/app/activity.ts).
  'activity.deployed': 'Deployed {file} (SHA-256 {sha}…): {result}',
  'activity.reset-done': "Factory reset: the reader's configuration{config} and its Config Security Code were removed.",
  'activity.reset-failed': 'Factory reset did not complete: {reason}',
  'activity.finalized': 'Finalized {file} version {version} ({configId}) into {bec2}, SHA-256 {sha}…',
  'activity.finalize-failed': 'Finalizing {file} version {version} did not complete: {reason}',
} as const satisfies Record<string, string>;
