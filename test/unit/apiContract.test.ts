// The API contract is written once: each feature's interface and its parameter schemas are held
// together by ParamSchemas (shared/api/paramSchemas.ts). The `@ts-expect-error` lines below are the
// proof that a drift fails the type check (`npm test` runs tsc over test/): should the check ever
// let one of them through, tsc reports the unused directive.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApiClient } from '../../shared/api/client.ts';
import { API_METHODS } from '../../shared/api/contract.ts';
import { API_PARAMS } from '../../shared/api/apiParams.ts';
import type { NoMethods, ParamSchemas, SchemasRefusingTypedCalls } from '../../shared/api/paramSchemas.ts';
import type { MethodNames } from '../../shared/api/methodNames.ts';

interface DemoApi {
  ping(id: string): Promise<void>;
  export(path: string, format: 'json' | 'csv'): Promise<string>;
  frames(limit?: number): Promise<number[]>;
}

const demoParams = {
  ping: z.tuple([z.string().min(1)]),
  export: z.tuple([z.string(), z.enum(['json', 'csv'])]),
  frames: z.tuple([z.number().int().optional()]),
} as const satisfies ParamSchemas<DemoApi>;

describe('API contract', () => {
  it('compiles only when every method has a schema that agrees with its parameters', () => {
    // @ts-expect-error a method (export) without a schema
    const missing = { ping: demoParams.ping, frames: demoParams.frames } as const satisfies ParamSchemas<DemoApi>;
    // @ts-expect-error a schema (forget) without a method
    const extra = { ...demoParams, forget: z.tuple([z.string()]) } satisfies ParamSchemas<DemoApi>;
    // @ts-expect-error a schema that takes a parameter the interface does not have
    const longer = { ...demoParams, ping: z.tuple([z.string(), z.number()]) } satisfies ParamSchemas<DemoApi>;
    // @ts-expect-error a schema that lets through a value the interface does not allow
    const wider = { ...demoParams, export: z.tuple([z.string(), z.enum(['json', 'csv', 'xml'])]) } satisfies ParamSchemas<DemoApi>;
    const narrower = { ...demoParams, export: z.tuple([z.string(), z.enum(['json'])]) } satisfies ParamSchemas<DemoApi>;
    // @ts-expect-error a schema that refuses a value the interface allows ('csv'): the typed call would fail at run time
    type _Refused = NoMethods<SchemasRefusingTypedCalls<DemoApi, typeof narrower>>;
    // @ts-expect-error the missing schema is named too
    type _Missing = NoMethods<SchemasRefusingTypedCalls<DemoApi, typeof missing>>;
    type _Agreeing = NoMethods<SchemasRefusingTypedCalls<DemoApi, typeof demoParams>>;

    for (const params of [missing, extra, longer, wider, narrower]) expect(Object.keys(params).length).toBeGreaterThan(0);
  });

  it('compiles only when the zod-free list of method names (what the renderer’s client is built from) names every method once', () => {
    const names = { ping: true, export: true, frames: true } as const satisfies MethodNames<DemoApi>;
    // @ts-expect-error a method (frames) without its name
    const missing = { ping: true, export: true } as const satisfies MethodNames<DemoApi>;
    // @ts-expect-error a name (forget) that is no method
    const extra = { ping: true, export: true, frames: true, forget: true } as const satisfies MethodNames<DemoApi>;
    for (const list of [names, missing, extra]) expect(Object.keys(list).length).toBeGreaterThan(0);
  });

  it('the typed client offers exactly the methods that have schemas, plus the event subscription', () => {
    const client = createApiClient({ call: async () => null, subscribe: () => () => undefined });
    expect(Object.keys(client).sort()).toEqual([...API_METHODS, 'onEvent'].sort());
    expect(Object.keys(API_PARAMS).sort()).toEqual([...API_METHODS].sort());
  });

  it('a call through the typed client carries the method name and the arguments as given', async () => {
    const sent: [string, unknown[]][] = [];
    const client = createApiClient({ call: async (method, params) => (sent.push([method, params]), null), subscribe: () => () => undefined });
    await client.exportEvents('/tmp/log.csv', 'csv');
    await client.frameLog();
    expect(sent).toEqual([
      ['exportEvents', ['/tmp/log.csv', 'csv']],
      ['frameLog', []],
    ]);
    expect(API_PARAMS.exportEvents.safeParse(sent[0]![1]).success).toBe(true);
    expect(API_PARAMS.frameLog.safeParse(sent[1]![1]).success).toBe(true);
  });
});
