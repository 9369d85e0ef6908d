// The web shell's WebSocket takes messages from a page, which may be any page on the machine: every
// message gets an answer that can be sent (an error answer for anything malformed), nothing rejects
// or throws, no method runs on parameters its schema refused, and no answer repeats a key that was
// sent in. The same dispatcher serves Electron's IPC.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { API_METHODS, type ReaderDeskApi } from '../../shared/api/contract.ts';
import { API_PARAMS } from '../../shared/api/apiParams.ts';
import { dispatchCall } from '../../electron/host/app/dispatch.ts';
import { parseCallMessage } from '../../electron/host/webshell/webShellServer.ts';
import { echoedHex, hexDigit, mutatedText, runs } from './campaign.ts';

/** Every API method answers with what it was called with; nothing real runs. */
function stubApi() {
  const calls: { method: string; args: unknown[] }[] = [];
  const api = Object.fromEntries(
    API_METHODS.map((method) => [
      method,
      async (...args: unknown[]) => {
        calls.push({ method, args });
        return { method };
      },
    ]),
  );
  return { api: { ...api, onEvent: () => () => undefined } as unknown as ReaderDeskApi, calls };
}

const hexKey = fc.string({ unit: hexDigit, minLength: 16, maxLength: 64 });

const method = fc.oneof(
  { arbitrary: fc.constantFrom(...API_METHODS), weight: 4 },
  { arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'onEvent', 'then', ''), weight: 1 },
  { arbitrary: hexKey, weight: 1 },
  { arbitrary: fc.constantFrom(JSON.parse('{"toString":1}'), JSON.parse('{"toString":{},"valueOf":{}}'), JSON.parse('{"__proto__":{"x":1}}')), weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 2 },
);

const params = fc.oneof(
  fc.constant([]),
  fc.array(fc.oneof(fc.string({ maxLength: 20 }), hexKey, fc.integer(), fc.boolean(), fc.constant(null)), { maxLength: 4 }),
  fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 4 }),
  fc.jsonValue({ maxDepth: 3 }),
);

const callText = fc
  .record({ id: fc.oneof(fc.nat(), fc.string({ maxLength: 70 }), fc.constant(null), fc.jsonValue({ maxDepth: 1 })), method, params }, { requiredKeys: [] })
  .map((m) => JSON.stringify(m));

const anyMessage = fc.oneof(callText, callText.chain(mutatedText), fc.json({ maxDepth: 3 }), fc.string({ maxLength: 200, unit: 'binary' }), fc.constantFrom('null', '[]', '"x"', '1e400', '{"id":1e400}'));

describe('web shell messages', () => {
  it('parseCallMessage reads any message to a call or an error answer, never a throw', () => {
    fc.assert(
      fc.property(anyMessage, (text) => {
        const msg = parseCallMessage(text);
        expect(msg.id === null || typeof msg.id === 'number' || (typeof msg.id === 'string' && msg.id.length <= 64)).toBe(true);
        if ('error' in msg) {
          expect(msg.error.code).toBe('bad-request');
          expect(echoedHex(msg.error.message, text)).toEqual([]);
        }
      }),
      runs(3000),
    );
  });

  it('dispatchCall answers every call, runs only what its schema let through, and never repeats a key', async () => {
    await fc.assert(
      fc.asyncProperty(anyMessage, async (text) => {
        const msg = parseCallMessage(text);
        if ('error' in msg) return;
        const { api, calls } = stubApi();
        const answer = await dispatchCall(api, msg.method, msg.params);
        expect(() => JSON.stringify({ id: msg.id, ...answer })).not.toThrow();
        if (answer.ok) {
          expect(calls).toEqual([{ method: msg.method, args: msg.params }]);
          expect(API_PARAMS[msg.method as keyof typeof API_PARAMS].safeParse(msg.params).success).toBe(true);
        } else {
          expect(calls).toEqual([]);
          expect(['unknown-method', 'bad-params']).toContain(answer.error.code);
          expect(echoedHex(answer.error.message, text)).toEqual([]);
        }
      }),
      runs(3000),
    );
  });
});
