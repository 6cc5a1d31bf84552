/**
 * How many session cards the board draws in its first commit: those that can be on screen before the
 * reader scrolls. The rest follow one frame later. Each card costs React, Griffel and i18next work
 * (Fluent Link, Badge, three ToggleButtons), and the 24 of a first page took most of the time between
 * the sessions' answer and the first card on screen (bench/board-load.mjs, issue #16).
 *
 * An estimate that errs on the side of more: columns as the grid makes them (20rem = 320 px at least,
 * plus its gap), rows from the viewport height less the header above the grid, at 400 px a card
 * (measured: 412–456 px at 1280 × 900, three columns; a narrow card is taller still).
 */
const MIN_CARD_WIDTH = 320 + 16;
const CARD_HEIGHT = 400;
const ABOVE_THE_GRID = 200;

export function cardsAboveTheFold(viewport: { readonly width: number; readonly height: number }): number {
  const columns = Math.max(1, Math.floor(viewport.width / MIN_CARD_WIDTH));
  const rows = Math.max(1, Math.ceil((viewport.height - ABOVE_THE_GRID) / CARD_HEIGHT));
  return columns * rows;
}
