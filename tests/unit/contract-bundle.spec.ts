import { describe, expect, it } from '@jest/globals';
import { build } from 'esbuild';

describe('the API contract the tab imports', () => {
  it('pulls in nothing of the service but import-free domain limit files', async () => {
    const result = await build({
      entryPoints: ['bot/src/api/contract.ts'],
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      logLevel: 'silent',
    });
    const inputs = Object.entries(result.metafile.inputs).filter(([file]) => file !== 'bot/src/api/contract.ts');
    expect(inputs.length).toBeGreaterThan(0);
    for (const [file, input] of inputs) {
      expect({ file, imports: input.imports.map((i) => i.path) }).toEqual({
        file: expect.stringMatching(/^bot\/src\/domain\//),
        imports: [],
      });
    }
  });
});
