import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { because } from '../support/eventually';
import { readPng } from '../support/ship/read-png';
import { ROOT } from '../support/ship/run-package';

const icon = (name: string) => readPng(readFileSync(path.join(ROOT, 'manifest', name)));

describe('app icons', () => {
  it('color.png is a 192×192 opaque, full-colour RGBA PNG', () => {
    const png = icon('color.png');
    expect([png.width, png.height, png.bitDepth, png.colourType]).toEqual([192, 192, 8, 6]);
    const colours = new Set<string>();
    for (let i = 0; i < png.rgba.length; i += 4) {
      expect(png.rgba[i + 3]).toBe(255);
      colours.add(`${png.rgba[i]},${png.rgba[i + 1]},${png.rgba[i + 2]}`);
    }
    // A design (brand tile, two bubbles, anti-aliased edges), not a flat placeholder.
    expect(colours.size).toBeGreaterThan(20);
    expect(colours.has('15,110,110')).toBe(true);
  });

  it('outline.png is 32×32, white only, on transparency', () => {
    const png = icon('outline.png');
    expect([png.width, png.height, png.bitDepth, png.colourType]).toEqual([32, 32, 8, 6]);
    let transparent = 0;
    let opaque = 0;
    for (let i = 0; i < png.rgba.length; i += 4) {
      expect([png.rgba[i], png.rgba[i + 1], png.rgba[i + 2]]).toEqual([255, 255, 255]);
      if (png.rgba[i + 3] === 0) transparent++;
      if (png.rgba[i + 3] === 255) opaque++;
    }
    expect(transparent).toBeGreaterThan(32 * 32 * 0.4);
    expect(opaque).toBeGreaterThan(60);
  });

  it('are what scripts/make-icons.mjs draws (the committed PNGs are up to date)', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'peerlearn-icons-'));
    try {
      const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'make-icons.mjs'), '--out-dir', out], { encoding: 'utf8' });
      because(run.stderr, () => expect(run.status).toBe(0));
      for (const name of ['color.png', 'outline.png']) {
        because(name, () => expect(readFileSync(path.join(out, name)).equals(readFileSync(path.join(ROOT, 'manifest', name)))).toBe(true));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
