// Saving a drawn <svg> (or SVG text) as a standalone SVG or PNG file. The bundled font is embedded
// as data so the file looks the same on a machine without it; nothing is fetched from elsewhere.

import arabicFont from '@fontsource-variable/vazirmatn/files/vazirmatn-arabic-wght-normal.woff2?url';
import latinFont from '@fontsource-variable/vazirmatn/files/vazirmatn-latin-wght-normal.woff2?url';
import { h, saveFile } from './dom.js';
import type { I18n } from './i18n.js';

let fontFaces: Promise<string> | null = null;

/** @font-face rules with the font files inlined (fetched once from this server). */
export function embeddedFontFaces(): Promise<string> {
  fontFaces ??= Promise.all(
    [latinFont, arabicFont].map(async (url) => {
      const buffer = await (await fetch(url)).arrayBuffer();
      const bytes = new Uint8Array(buffer);
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return `@font-face{font-family:'Vazirmatn Variable';font-weight:100 900;src:url(data:font/woff2;base64,${btoa(binary)}) format('woff2');}`;
    }),
  )
    .then((rules) => rules.join(''))
    .catch(() => '');
  return fontFaces;
}

/** A standalone SVG document from an element drawn with presentation attributes. */
export async function svgDocument(el: SVGSVGElement, background: string): Promise<string> {
  const clone = el.cloneNode(true) as SVGSVGElement;
  const width = el.clientWidth || Number(el.getAttribute('width')) || 800;
  const height = el.clientHeight || Number(el.getAttribute('height')) || 600;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  style.textContent = await embeddedFontFaces();
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', background);
  clone.insertBefore(bg, clone.firstChild);
  clone.insertBefore(style, clone.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

/** Adds the embedded font to SVG text made elsewhere (Cytoscape's SVG export). */
export async function withEmbeddedFont(svgText: string): Promise<string> {
  const faces = await embeddedFontFaces();
  if (!faces) return svgText;
  return svgText.replace(/(<svg[^>]*>)/, `$1<style>${faces}</style>`);
}

/** Renders SVG text to a PNG at `scale` times its size. */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('The picture could not be rendered.'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed.'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

export type PictureKind = 'png' | 'svg';

/** The toolbar's ⤓ PNG and ⤓ SVG buttons, the same on every view. */
export function saveButtons(t: I18n, save: (kind: PictureKind) => void): HTMLElement {
  return h(
    'div',
    { class: 'group' },
    h('button', { class: 'btn', type: 'button', title: t.s.savePngTitle, 'data-action': 'png', onclick: () => save('png') }, '⤓ ', t.s.savePng),
    h('button', { class: 'btn', type: 'button', title: t.s.saveSvgTitle, 'data-action': 'svg', onclick: () => save('svg') }, '⤓ ', t.s.saveSvg),
  );
}

/** Saves a drawn chart as a standalone SVG, or as a PNG at twice its size. */
export async function saveSvgPicture(el: SVGSVGElement, background: string, name: string, kind: PictureKind, width: number, height: number): Promise<void> {
  const text = await svgDocument(el, background);
  if (kind === 'svg') saveFile(name, new Blob([text], { type: 'image/svg+xml' }));
  else saveFile(name, await svgToPng(text, width, height, 2));
}
