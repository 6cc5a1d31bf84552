import { afterEach, beforeEach, jest } from '@jest/globals';

export interface SavedFile {
  readonly name: string;
  readonly blob: Blob;
}

/**
 * What the tab asked the browser to save (a CSV, a data export), test by test: jsdom has neither
 * object URLs nor downloads, so both are stood in for and each click on a blob link is recorded.
 */
export function useSavedFiles(): { readonly files: readonly SavedFile[] } {
  let files: SavedFile[] = [];
  beforeEach(() => {
    files = [];
    const blobs = new Map<string, Blob>();
    Object.defineProperty(URL, 'createObjectURL', {
      configurable: true,
      value: (blob: Blob) => {
        const url = `blob:tab.test/${blobs.size}`;
        blobs.set(url, blob);
        return url;
      },
    });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: (url: string) => blobs.delete(url) });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      const blob = blobs.get(this.href);
      if (blob) files.push({ name: this.download, blob });
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });
  return {
    get files() {
      return files;
    },
  };
}
