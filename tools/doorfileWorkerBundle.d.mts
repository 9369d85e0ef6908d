export declare const DOORFILE_WORKER_ENTRY: string;
export declare function doorfileWorkerDefine(fileName: string): Record<string, string>;
