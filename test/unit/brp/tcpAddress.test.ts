import { describe, expect, it } from 'vitest';
import { canonicalReaderAddress, parseTcpAddress, tcpAddressProblem } from '../../../shared/brp/tcpAddress.ts';
import { englishText } from '../../../shared/errors/hostError.ts';
import { TcpTransport } from '../../../electron/host/transport/tcpTransport.ts';
import { READERS_PARAMS } from '../../../shared/api/params/readers.ts';
import { DEPLOY_PARAMS } from '../../../shared/api/params/deploy.ts';
import { PortLostError } from '../../../shared/brp/errors.ts';

describe('tcp:// reader addresses', () => {
  it('use the BRP port 2939 when the port is left out', () => {
    expect(parseTcpAddress('tcp://192.168.0.10')).toEqual({ host: '192.168.0.10', port: 2939 });
    expect(TcpTransport.parse('tcp://reader.local').address).toBe('tcp://reader.local:2939');
    expect(TcpTransport.parse('tcp://reader.local/').address).toBe('tcp://reader.local:2939');
    expect(canonicalReaderAddress(' tcp://10.1.2.3 ')).toBe('tcp://10.1.2.3:2939');
  });

  it('keep a port that is given, and take IPv6 in brackets', () => {
    expect(parseTcpAddress('tcp://10.0.0.1:4001')).toEqual({ host: '10.0.0.1', port: 4001 });
    expect(TcpTransport.parse('tcp://[::1]:4001').address).toBe('tcp://[::1]:4001');
    expect(parseTcpAddress('tcp://[fe80::1]')).toEqual({ host: 'fe80::1', port: 2939 });
  });

  it('leave serial ports alone', () => {
    expect(tcpAddressProblem('/dev/ttyUSB0')).toBeUndefined();
    expect(canonicalReaderAddress('COM3')).toBe('COM3');
  });

  it('refuse a malformed address with a sentence, in the transport and in the API', () => {
    expect(englishText(tcpAddressProblem('tcp://host:70000')!)).toMatch(/between 1 and 65535/);
    expect(englishText(tcpAddressProblem('tcp://')!)).toMatch(/write tcp:\/\/host or tcp:\/\/host:port/);
    expect(() => TcpTransport.parse('tcp://a b')).toThrow(PortLostError);
    const connect = READERS_PARAMS.connect.safeParse(['tcp://host:0']);
    expect(connect.success).toBe(false);
    expect(connect.error?.issues[0]?.message).toMatch(/between 1 and 65535/);
    expect(READERS_PARAMS.connect.safeParse(['tcp://host']).success).toBe(true);
    expect(READERS_PARAMS.connect.safeParse(['tcp://host', { checksum: 'none' }]).success).toBe(true);
    expect(READERS_PARAMS.connect.safeParse(['tcp://host', { checksum: 'bcc16' }]).success).toBe(false);
    expect(DEPLOY_PARAMS.deployFile.safeParse(['/x.bec2', ['tcp://:5']]).success).toBe(false);
  });
});
