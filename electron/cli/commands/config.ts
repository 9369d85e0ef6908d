import { parseArgs } from 'node:util';
import fs from 'node:fs';
import { fromHex } from '../../../shared/bytes.ts';
import { bumpVersion, configIdString, createBalcfg, deleteValue, newVersionFrom, setValue } from '../../../shared/config/model.ts';
import { describeValue, formatValue } from '../../../shared/config/catalogue.ts';
import { loadBalcfg, saveBalcfg } from '../../host/files/balcfgStore.ts';
import { CliError, type CliIo } from '../io.ts';
import { CONFIG_USAGE } from '../usage.ts';

function whole(text: string | undefined, option: string, min: number, max: number): number {
  if (text === undefined) throw new CliError(`config new needs ${option}`);
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) throw new CliError(`${option} takes a whole number from ${min} to ${max} (got "${text}")`);
  return n;
}

export async function runConfig(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'new': {
      const { values, positionals } = parseArgs({
        args: rest,
        options: { name: { type: 'string' }, customer: { type: 'string' }, project: { type: 'string' }, device: { type: 'string' }, force: { type: 'boolean' } },
        allowPositionals: true,
        strict: true,
      });
      const file = positionals[0];
      if (!file) throw new CliError('config new needs the file to create, e.g. "config new site.balcfg --name Site --customer 50001 --project 501 --device 0"');
      if (!values.name) throw new CliError('config new needs --name');
      if (fs.existsSync(file) && !values.force) throw new CliError(`${file} already exists; pick another name (or --force to replace it)`);
      const cfg = createBalcfg({
        name: values.name,
        customer: whole(values.customer, '--customer', 0, 99999),
        project: whole(values.project, '--project', 1, 9999),
        device: whole(values.device, '--device', 0, 9999),
      });
      await saveBalcfg(file, cfg);
      io.out(`created ${file}: ${configIdString(cfg)}, version 1, with a new Config Security Code`);
      return 0;
    }
    case 'set': {
      const [file, id, hex, ...extra] = rest;
      if (!file || !id || hex === undefined || extra.length) throw new CliError('usage: config set <file> <KKKK/VV> <hex>');
      let bytes: Uint8Array;
      try {
        bytes = fromHex(hex);
      } catch (err) {
        throw new CliError(`the value is not valid hex: ${(err as Error).message}`);
      }
      const cfg = setValue(await loadBalcfg(file), id, bytes);
      await saveBalcfg(file, cfg);
      io.out(`${id} set in ${file}`);
      return 0;
    }
    case 'del': {
      const [file, id, ...extra] = rest;
      if (!file || !id || extra.length) throw new CliError('usage: config del <file> <KKKK/VV>');
      await saveBalcfg(file, deleteValue(await loadBalcfg(file), id));
      io.out(`${id} deleted from ${file}`);
      return 0;
    }
    case 'show': {
      const { values, positionals } = parseArgs({ args: rest, options: { json: { type: 'boolean' }, reveal: { type: 'boolean' } }, allowPositionals: true, strict: true });
      const file = positionals[0];
      if (!file) throw new CliError('usage: config show <file> [--json]');
      const cfg = await loadBalcfg(file);
      if (values.json) {
        io.out(
          JSON.stringify(
            {
              name: cfg.configId.name,
              configId: configIdString(cfg),
              customer: cfg.configId.customer,
              project: cfg.configId.project,
              device: cfg.configId.device,
              version: cfg.version,
              // Secrets only with --reveal, as in the text form: JSON output lands in scripts and logs.
              securityCode: values.reveal ? cfg.configSecurityCode : 'hidden',
              customerKeyLink: cfg.customerKeyLink,
              values: cfg.values.map((v) => {
                const secret = describeValue(v.id).secret;
                return { id: v.id, hex: secret && !values.reveal ? null : v.hex, secret };
              }),
              history: cfg.history.map(({ changes: _c, ...h }) => h),
            },
            null,
            2,
          ),
        );
        return 0;
      }
      io.out(`${configIdString(cfg)} (version ${cfg.version})`);
      io.out(`Config Security Code: ${values.reveal ? cfg.configSecurityCode : 'set (use --reveal to show it)'}`);
      io.out(`Customer key link: ${cfg.customerKeyLink ? `${cfg.customerKeyLink.kind} key of "${cfg.customerKeyLink.readerLabel}" (signature ${cfg.customerKeyLink.signature})` : 'none yet (linked at the first finalization)'}`);
      for (const v of cfg.values) {
        const d = describeValue(v.id);
        const shown = d.secret && values.reveal ? v.hex : formatValue(v.id, fromHex(v.hex));
        io.out(`  ${v.id}  ${d.name.padEnd(44)} ${shown}`);
      }
      if (cfg.history.length) {
        io.out('History:');
        for (const h of cfg.history) io.out(`  version ${h.version}  finalized ${h.finalizedAt} on ${h.readerLabel} → ${h.bec2File}`);
      }
      return 0;
    }
    case 'bump': {
      const [file] = rest;
      if (!file) throw new CliError('usage: config bump <file>');
      const cfg = bumpVersion(await loadBalcfg(file));
      await saveBalcfg(file, cfg);
      io.out(`${file} is now version ${cfg.version} (${configIdString(cfg)}); the Config Security Code stays the same`);
      return 0;
    }
    case 'new-version': {
      const { values, positionals } = parseArgs({ args: rest, options: { from: { type: 'string' } }, allowPositionals: true, strict: true });
      const file = positionals[0];
      if (!file || !values.from) throw new CliError('usage: config new-version <file> --from <version>');
      const cfg = await loadBalcfg(file);
      const entry = cfg.history.find((h) => h.version === Number(values.from));
      if (!entry) throw new CliError(`version ${values.from} is not in the history of ${file}; finalized versions: ${cfg.history.map((h) => h.version).join(', ') || 'none'}`);
      const next = newVersionFrom(cfg, entry);
      await saveBalcfg(file, next);
      io.out(`${file} is now version ${next.version}, with the values of version ${entry.version}`);
      return 0;
    }
    default:
      throw new CliError(`unknown config command "${sub ?? ''}"\n${CONFIG_USAGE}`);
  }
}
