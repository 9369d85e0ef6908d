import { parseArgs } from 'node:util';
import { withSession } from '../../host/readers/openSession.ts';
import { readBackValues } from '../../host/lifecycle/readBack.ts';
import { readReaderInfo } from '../../host/readers/readerInfo.ts';
import { loadBalcfg } from '../../host/files/balcfgStore.ts';
import { diffValues } from '../../../shared/config/diff.ts';
import { describeValue, formatValue } from '../../../shared/config/catalogue.ts';
import { fromHex } from '../../../shared/bytes.ts';
import { CliError, type CliIo } from '../io.ts';
import { LINK_OPTIONS, MAX_BAUD_OPTION, baudArg, checksumArg, maxBaudArg, portArg } from '../linkOptions.ts';
import { LineSpeedTracker } from '../../host/brp/lineSpeedTracker.ts';
import { LineSpeedLostError } from '../../host/brp/negotiateBaud.ts';
import { lineSpeedSentence } from '../../../shared/brp/lineSpeed.ts';

/** Said when the firmware cannot list values (no Sys.CfgGetValueList). */
export const READABLE_ONLY_NOTE =
  'This firmware cannot list configuration values (it lacks Sys.CfgGetValueList): ReaderDesk asked for every readable value id, so secret values (keys, Config Security Code) are not shown even where the reader holds them.';

export async function runReadback(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string' }, json: { type: 'boolean' }, diff: { type: 'string' }, ...LINK_OPTIONS, ...MAX_BAUD_OPTION }, strict: true });
  if (!values.port) throw new CliError('usage: readback --port <p> [--json] [--diff <file.balcfg>]');
  const checksum = checksumArg(values.checksum);
  const maxBaud = maxBaudArg(values['max-baud']);
  const speed = new LineSpeedTracker(maxBaud);
  const { info, readBack } = await withSession(
    portArg(values.port),
    async (s) => {
      const info = await readReaderInfo(s);
      // A read-back is one round trip per value: raise a serial line for it (closing puts the rate back).
      await speed.raise(s).catch((err: unknown) => {
        throw err instanceof LineSpeedLostError ? new CliError(`nothing was read: ${err.reason ?? err.message}`) : err;
      });
      return { info, readBack: await readBackValues(s) };
    },
    { checksum, baudRate: baudArg(values.baud) },
  );
  const lineSpeed = speed.report();
  const readValues = readBack.values;
  let diff = null;
  if (values.diff) {
    const cfg = await loadBalcfg(values.diff);
    // Secret values cannot be compared: the reader never returns them. Compare presence only.
    const fromReader = readValues.map((v) => ({ id: v.id, hex: v.hex ?? '' }));
    // Where the firmware cannot list values, it cannot say whether it holds a secret one either.
    const comparable = readBack.valueList === 'complete' ? cfg.values : cfg.values.filter((v) => !describeValue(v.id).secret);
    const fromFile = comparable.map((v) => ({ id: v.id, hex: describeValue(v.id).secret ? '' : v.hex }));
    diff = diffValues(fromFile, fromReader);
  }
  if (values.json) {
    io.out(
      JSON.stringify(
        {
          firmware: info.firmware,
          configId: info.configId,
          configName: info.configName,
          securityCode: info.securityCode,
          valueList: readBack.valueList,
          values: readValues,
          diff,
          ...(lineSpeed ? { lineSpeed } : {}),
        },
        null,
        2,
      ),
    );
    return 0;
  }
  io.out(`${info.firmware}; configuration ${info.configId === null ? 'none' : `${info.configId} ${info.configName ?? ''}`.trim()}`);
  if (readBack.valueList === 'readable-only') io.out(READABLE_ONLY_NOTE);
  for (const v of readValues) {
    const d = describeValue(v.id);
    io.out(`  ${v.id}  ${d.name.padEnd(44)} ${v.secret || v.hex === null ? '(secret: present, never readable)' : `${formatValue(v.id, fromHex(v.hex))}  [${v.hex}]`}`);
  }
  if (diff) {
    const n = diff.added.length + diff.removed.length + diff.changed.length;
    io.out(n === 0 ? `The reader holds exactly the values of ${values.diff}.` : `Differences against ${values.diff} (file → reader):`);
    for (const e of [...diff.removed, ...diff.added, ...diff.changed]) io.out(`  ${e.summary}`);
  }
  if (lineSpeed) io.out(`Line speed: ${lineSpeedSentence(lineSpeed)}.`);
  return 0;
}
