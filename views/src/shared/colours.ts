// The colour scale shared by the views: green (made at home) through amber to red (imported).
// Colour-blind safe enough in practice because the legend and details also give the numbers.

import type { Theme } from './params.js';

const STOPS: [number, [number, number, number]][] = [
  [0, [46, 158, 107]], // green
  [0.5, [232, 163, 61]], // amber
  [1, [209, 68, 60]], // red
];

/** Colour of an import share 0..1. */
export function importColour(share: number): string {
  const s = Math.min(1, Math.max(0, share));
  for (let i = 1; i < STOPS.length; i++) {
    const [x1, c1] = STOPS[i]!;
    const [x0, c0] = STOPS[i - 1]!;
    if (s <= x1) {
      const f = (s - x0) / (x1 - x0);
      return rgb(c0.map((v, k) => v + (c1[k]! - v) * f) as [number, number, number]);
    }
  }
  return rgb(STOPS[STOPS.length - 1]![1]);
}

/** The CSS gradient of the legend, built from the same stops. */
export const IMPORT_GRADIENT = `linear-gradient(to right, ${STOPS.map(([x, c]) => `${rgb(c)} ${x * 100}%`).join(', ')})`;

export const UNMODELLED = '#9aa3ad';

export interface Palette {
  background: string;
  surface: string;
  text: string;
  muted: string;
  edge: string;
  border: string;
  accent: string;
  labelBackground: string;
}

export function palette(theme: Theme): Palette {
  return theme === 'dark'
    ? { background: '#14181d', surface: '#1c2229', text: '#e6e9ed', muted: '#98a2ad', edge: '#5d6975', border: '#0b0e11', accent: '#5aa9ff', labelBackground: '#14181d' }
    : { background: '#ffffff', surface: '#f5f7f9', text: '#1d252c', muted: '#5f6b76', edge: '#a9b3bc', border: '#ffffff', accent: '#1f6feb', labelBackground: '#ffffff' };
}

function rgb([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}
