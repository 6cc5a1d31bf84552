export const HEADLESS_SHELL: string;
export function testChromiumPath(): string | undefined;
export const CHROMIUM_ARGS: readonly string[];
