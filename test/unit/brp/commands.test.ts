import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../shared/bytes.ts';
import type { AnyBrpCommand } from '../../../shared/brp/command.ts';
import { BrpFrameError } from '../../../shared/brp/errors.ts';
import * as AR from '../../../shared/brp/commands/ar.ts';
import * as Crypto from '../../../shared/brp/commands/crypto.ts';
import * as Main from '../../../shared/brp/commands/main.ts';
import * as Sys from '../../../shared/brp/commands/sys.ts';
import * as VHL from '../../../shared/brp/commands/vhl.ts';
import { ALL_COMMANDS, commandByCode, commandName } from '../../../shared/brp/commands/index.ts';

const h = fromHex;
const text = (s: string) => new TextEncoder().encode(s);

/** [command, request value, request bytes, response value, response bytes] */
type Case = [AnyBrpCommand, unknown, string, unknown, string];

const cases: Case[] = [
  [Sys.SysGetBufferSize, undefined, '', { maxSendSize: 0x0400, maxRecvSize: 0x0200, totalSize: 0x0800 }, '0400 0200 0800'],
  [Sys.SysGetInfo, undefined, '', { info: 'AB 1' }, '41 42 20 31 00'],
  [Sys.SysGetBootStatus, undefined, '', { bits: 0x20000004 }, '20 00 00 04'],
  [Sys.SysReset, undefined, '', undefined, ''],
  [Sys.SysFactoryReset, { performReboot: true }, '01', undefined, ''],
  [Sys.SysFactoryResetLegacy, undefined, '', undefined, ''],
  [Sys.SysGetFeatures, undefined, '', { featureIds: [63, 83], maxFeatureId: 88 }, '02 003F 0053 0058'],
  [Sys.SysGetFeatures, undefined, '', { featureIds: [], maxFeatureId: 70 }, '00 0046'],
  [Sys.SysGetPort, undefined, '', { portMask: 0x0081 }, '00 81'],
  [Sys.SysCfgGetValue, { key: 0x0620, value: 0x01 }, '06 20 01', { content: h('00 01 86 9F') }, '04 00 01 86 9F'],
  [Sys.SysCfgSetValue, { key: 0x0202, value: 0x19, content: h('01') }, '02 02 19 01 01', undefined, ''],
  [Sys.SysCfgDelValues, { key: 0x0202, value: 0xff }, '02 02 FF', undefined, ''],
  [Sys.SysCfgGetKeyList, undefined, '', { keys: [0x0202, 0x0620] }, '02 0202 0620'],
  [Sys.SysCfgGetValueList, { key: 0x0620 }, '06 20', { values: [0x01, 0x07, 0x82] }, '03 01 07 82'],
  [Sys.SysCfgCheck, undefined, '', { totalSize: 0x1000, freeSize: 0x0800 }, '1000 0800'],
  [Sys.SysCfgGetId, undefined, '', { configId: '10234-5678-6789-09', configName: 'Test' }, `12 ${toHex(text('10234-5678-6789-09'))} 04 ${toHex(text('Test'))}`],
  [Sys.SysCfgGetDeviceSettingsId, undefined, '', { configId: '', configName: 'Dev' }, `00 03 ${toHex(text('Dev'))}`],
  [Sys.SysCfgReset, undefined, '', undefined, ''],
  [Sys.SysSetCommParam, { baud: 115200, parity: 'even', cwtMs: 20 }, '04 80 45 14', undefined, ''],
  [
    Crypto.CryptoBalKeyEncryptBuffer,
    { keyVersion: 3, embeddedKeyIndex: 1, embeddedKeyPos: 6, buffer: h('42 1C 00 00'), initialVector: h('') },
    '03 01 06 04 42 1C 00 00 00',
    { encryptedBuffer: h('AA BB'), nextInitialVector: h('CC') },
    '02 AA BB 01 CC',
  ],
  [Crypto.CryptoGetKeySig, { keyIndex: 0x7e }, '7E', { keySignature: 0xdeadbeef }, 'DE AD BE EF'],
  [Crypto.CryptoGetKeySig, { keyIndex: 0, keyValue: h('00112233445566778899') }, '00 00112233445566778899', { keySignature: 1 }, '00 00 00 01'],
  [Crypto.CryptoCopyConfigKey, { keyIndex: 0x7e, forceDefaultKey: true }, '7E 01', undefined, ''],
  [AR.ARSetMode, { mode: AR.AR_MODE.Enabled }, '01', undefined, ''],
  [AR.ARGetMessage, undefined, '', { msgType: AR.AR_MSG_TYPE.AlarmOn, msgData: h('') }, '01 00'],
  [AR.ARGetMessage, undefined, '', { msgType: 0, msgData: h('12 34') }, '00 02 12 34'],
  [Main.MainBf3UploadStart, undefined, '', { reqDataAdr: 0, reqDataLen: 0x80 }, '00000000 0080'],
  [VHL.VHLResolveFilename, { fileName: 'WirelessMemory' }, `0E ${toHex(text('WirelessMemory'))}`, { id: 1 }, '01'],
  [VHL.VHLSelect, { cardFamiliesFilter: VHL.CARD_FAMILIES_ALL, reselect: true, acceptConfCard: false }, '0F FD 01 00', { selectedCardType: 0 }, '00'],
  [
    Main.MainBf3UploadContinue,
    { dataAdr: 0x100, data: h('01 02 03') },
    '00000100 0003 010203',
    { reconnect: false, continue: true, reqDataAdr: 0x180, reqDataLen: 0x80 },
    '01 00000180 0080 00',
  ],
  [
    Main.MainBf3UploadContinue,
    { dataAdr: 0, data: h('') },
    '00000000 0000',
    {
      reconnect: true,
      continue: true,
      reqDataAdr: 0x200,
      reqDataLen: 0,
      reconnectRetryTimeoutMs: 5000,
      estimation: { estimatedNumberOfBytes: 0x10000, estimatedTimeOverheadMs: 3000 },
    },
    // ReconnectRetryTimeout comes before the estimation (SDK order)
    '03 00000200 0000 03 00001388 00010000 00000BB8',
  ],
];

describe('command table layouts', () => {
  it.each(cases.map((c) => [c[0].name, ...c] as const))('%s', (_name, cmd, req, reqHex, res, resHex) => {
    expect(toHex(cmd.encodeRequest(req))).toBe(toHex(h(reqHex)));
    expect(cmd.decodeRequest(h(reqHex))).toEqual(req);
    expect(toHex(cmd.encodeResponse(res))).toBe(toHex(h(resHex)));
    expect(cmd.decodeResponse(h(resHex))).toEqual(res);
  });

  it('every entry has a name, a unique code and a timeout, and the table finds it', () => {
    const codes = new Set(ALL_COMMANDS.map((c) => c.code));
    expect(codes.size).toBe(ALL_COMMANDS.length);
    for (const c of ALL_COMMANDS) {
      expect(c.name).toMatch(/^(Sys|VHL|Crypto|AR|Main)\.\w+$/);
      expect(commandByCode(c.code)).toBe(c);
      expect(c.timeoutMs).toBeGreaterThan(0);
    }
  });

  it('uses the documented timeouts', () => {
    expect(Sys.SysGetInfo.timeoutMs).toBe(100);
    expect(Sys.SysCfgSetValue.timeoutMs).toBe(10000);
    expect(Sys.SysFactoryReset.timeoutMs).toBe(30000);
    expect(Crypto.CryptoCopyConfigKey.timeoutMs).toBe(2000);
    expect(Main.MainBf3UploadContinue.timeoutMs).toBe(1000);
    expect(AR.ARSetMode.timeoutMs).toBe(1000);
  });

  it('names unknown command codes by their hex value', () => {
    expect(commandName(0x0004)).toBe('Sys.GetInfo');
    expect(commandName(0xf0ab)).toBe('Command 0xF0AB');
    expect(commandByCode(0xf0ab)).toBeUndefined();
  });
});

describe('payload checks', () => {
  it('a short answer names the command and the missing field', () => {
    expect(() => Sys.SysGetBufferSize.decodeResponse(h('04 00 02 00'))).toThrow(BrpFrameError);
    expect(() => Sys.SysGetBufferSize.decodeResponse(h('04 00 02 00'))).toThrow(/Sys.GetBufferSize.*too short.*TotalSize/);
    expect(() => Sys.SysCfgGetValue.decodeResponse(h('05 01 02'))).toThrow(/Content/);
  });

  it('a long answer or request is refused too', () => {
    expect(() => Sys.SysGetBootStatus.decodeResponse(h('00 00 00 00 00'))).toThrow(/too long/);
    expect(() => Sys.SysReset.decodeRequest(h('00'))).toThrow(/Sys.Reset request is too long/);
    expect(() => Sys.SysCfgGetValue.decodeRequest(h('06 20'))).toThrow(/too short/);
  });

  it('refuses to build values that do not fit their fields', () => {
    expect(() => Sys.SysCfgSetValue.encodeRequest({ key: 0x0202, value: 0x19, content: new Uint8Array(129) })).toThrow(/at most 128/);
    expect(() => Sys.SysCfgGetValue.encodeRequest({ key: 0x10000, value: 1 })).toThrow(/Key/);
    expect(() => Crypto.CryptoGetKeySig.encodeRequest({ keyIndex: 0 })).toThrow(/KeyValue/);
    expect(() => Crypto.CryptoGetKeySig.encodeRequest({ keyIndex: 0, keyValue: h('0011') })).toThrow(/10 bytes/);
  });

  it('Sys.GetInfo counts the terminating zero in its payload', () => {
    const payload = Sys.SysGetInfo.encodeResponse({ info: '1100 IDE Z     1.14.00 12/18/19 43893126' });
    expect(payload.length).toBe(41);
    expect(payload[40]).toBe(0);
  });

  it('describes requests without showing configuration content or key bytes', () => {
    const d = Sys.SysCfgSetValue.describeRequest!({ key: 0x0202, value: 0x85, content: h('00112233445566778899') });
    expect(d).toBe('0x0202/0x85 := 10 bytes');
    const k = Crypto.CryptoGetKeySig.describeRequest!({ keyIndex: 0, keyValue: h('00112233445566778899') });
    expect(k).not.toMatch(/0011|2233/);
  });
});

describe('helpers', () => {
  it('lists the set boot status bits with their severity', () => {
    const problems = Sys.bootStatusProblems((1 << 21) | (1 << 2) | (1 << 30));
    expect(problems.map((p) => [p.name, p.severity])).toEqual([
      ['Configuration', 'error'],
      ['Tamper', 'error'],
      ['UnexpectedRebootsLegacy', 'warning'],
    ]);
    expect(Sys.bootStatusProblems(0)).toEqual([]);
    expect(Sys.bootStatusProblems(1 << 3)[0]).toMatchObject({ name: 'Bit3', severity: 'error' });
  });

  it('splits the Sys.GetInfo text into its fields', () => {
    expect(Sys.parseReaderInfo('1100 IDE Z     1.14.00 12/18/19 43893126')).toEqual({
      firmwareId: '1100',
      firmwareName: 'IDE Z',
      release: '1.14.00',
      releaseDate: '12/18/19',
      serialNumber: '43893126',
    });
    expect(Sys.parseReaderInfo('something else')).toBeUndefined();
  });

  it('names port bits and AR message types', () => {
    expect(Sys.portMaskNames(0x0181)).toEqual(['Gpio0', 'TamperAlarm', 'GreenLed']);
    expect(AR.arMessageTypeName(0x02)).toBe('AlarmOff');
    expect(AR.arMessageTypeName(0x33)).toBe('MsgType 0x33');
  });
});
