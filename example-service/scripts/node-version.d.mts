// Types of node-version.mjs (plain JavaScript: it must run on a Node too old for tsx).
export declare const ALLOW_VARIABLE: string;
export declare function minimumVersion(range: string): number[];
export declare function nodeVersionProblem(current: string, range: string): string | undefined;
export declare function assertNodeVersion(packageJson: string, env?: NodeJS.ProcessEnv): void;
