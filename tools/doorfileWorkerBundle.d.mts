export declare const DOORFILE_WORKER_ENTRY: string;
export declare function doorfileWorkerOptions(fileName: string, format: 'cjs' | 'esm'): { define: Record<string, string>; banner?: { js: string } };
