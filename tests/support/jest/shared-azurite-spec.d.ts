export declare const SHARED_AZURITE_ENV: string;
export declare const WORKERS: number;
export declare const SHARED_ACCOUNTS: number;
export declare function sharedAccountNames(): string[];
