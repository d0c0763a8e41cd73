// The frame every view shares: language and direction, theme, embed mode, the header with links
// between views, a status bar, and the loading and error states. Tests and dashboards read the
// state from <body data-state> and from window.__zanjirView.

import './base.css';
import { GraphQLRequestError } from './graphql.js';
import { h } from './dom.js';
import { i18n, type I18n } from './i18n.js';
import { readCommon, withParams, type CommonParams } from './params.js';

export type ViewName = 'dependencies' | 'flows' | 'balance' | 'plan' | 'schedule';

/** What a view exposes after it has drawn: the ids it drew, for tests and for curious developers. */
export interface RenderedModel {
  view: ViewName;
  state: 'loading' | 'ready' | 'error';
  lang: string;
  error?: { code: string; message: string };
  [key: string]: unknown;
}

declare global {
  interface Window {
    __zanjirView?: RenderedModel;
  }
}

export interface Shell {
  params: CommonParams;
  search: URLSearchParams;
  i18n: I18n;
  /** Header (hidden when embedded). */
  header: HTMLElement;
  /** Controls row (hidden when embedded). */
  toolbar: HTMLElement;
  /** The drawing area: fills what is left of the frame. */
  stage: HTMLElement;
  statusbar: HTMLElement;
  setTitle(title: string): void;
  /** Adds a link to another view in the header. */
  addLink(view: ViewName, label: string, href: string): void;
  loading(): void;
  ready(model: Record<string, unknown>): void;
  fail(error: unknown): void;
  /** Replaces the status bar text. */
  status(...parts: (string | null | undefined | false)[]): void;
}

export function createShell(view: ViewName, viewTitle: string | ((t: I18n) => string)): Shell {
  const search = new URLSearchParams(window.location.search);
  const params = readCommon(search);
  const t = i18n(params.lang);
  const root = document.documentElement;
  root.lang = params.lang;
  root.dir = params.lang === 'fa' ? 'rtl' : 'ltr';
  root.dataset.theme = params.theme;
  if (params.embed) root.dataset.embed = '1';
  document.body.dataset.view = view;

  const title = h('h1', { class: 'title' }, typeof viewTitle === 'string' ? viewTitle : viewTitle(t));
  const nav = h('nav', { class: 'nav', 'aria-label': 'views' });
  const href = window.location.href;
  const switches = h(
    'div',
    { class: 'switches' },
    h('a', { class: 'switch', href: withParams(href, { lang: params.lang === 'fa' ? null : 'fa' }), title: t.s.languageTitle, lang: params.lang === 'fa' ? 'en' : 'fa', 'data-action': 'lang' }, t.s.language),
    h(
      'a',
      { class: 'switch', href: withParams(href, { theme: params.theme === 'dark' ? null : 'dark' }), title: t.s.theme, 'data-action': 'theme' },
      params.theme === 'dark' ? t.s.light : t.s.dark,
    ),
  );
  const header = h('header', { class: 'chrome header' }, h('span', { class: 'brand' }, t.s.appName), title, nav, switches);
  const toolbar = h('div', { class: 'chrome toolbar', role: 'toolbar' });
  const stage = h('main', { class: 'stage' });
  const statusbar = h('footer', { class: 'chrome statusbar' });
  const overlay = h('div', { class: 'overlay', role: 'status' });
  stage.append(overlay);
  document.body.append(h('div', { class: 'app' }, header, toolbar, stage, statusbar));

  const publish = (model: RenderedModel) => {
    window.__zanjirView = model;
    document.body.dataset.state = model.state;
  };

  const shell: Shell = {
    params,
    search,
    i18n: t,
    header,
    toolbar,
    stage,
    statusbar,
    setTitle(text) {
      title.textContent = text;
      // The header cuts a long title with an ellipsis; the whole of it is the tooltip.
      title.title = text;
      document.title = `${text} · ${t.s.appName}`;
    },
    addLink(target, label, link) {
      nav.append(h('a', { class: target === view ? 'current' : null, href: link, 'data-view': target, 'aria-current': target === view ? 'page' : null }, label));
    },
    loading() {
      overlay.replaceChildren(h('div', { class: 'spinner', 'aria-hidden': 'true' }), h('span', {}, t.s.loading));
      overlay.className = 'overlay loading';
      publish({ view, state: 'loading', lang: params.lang });
    },
    ready(model) {
      overlay.className = 'overlay';
      overlay.replaceChildren();
      publish({ ...model, view, state: 'ready', lang: params.lang });
    },
    fail(error) {
      const code = error instanceof GraphQLRequestError ? error.code : 'CLIENT_ERROR';
      const message = error instanceof Error ? error.message : String(error);
      const heading = code === 'NOT_FOUND' ? t.s.notFoundTitle : t.s.errorTitle;
      const hint = code === 'NOT_FOUND' ? t.s.notFoundHint : code === 'NETWORK' ? t.s.unreachable : null;
      overlay.className = 'overlay error';
      overlay.setAttribute('role', 'alert');
      overlay.replaceChildren(
        h(
          'div',
          { class: 'error-card' },
          h('h2', {}, heading),
          h('p', { class: 'error-message', dir: 'auto' }, message),
          hint ? h('p', { class: 'hint' }, hint) : null,
          h('p', { class: 'code' }, code),
        ),
      );
      if (!(error instanceof GraphQLRequestError)) console.error(error);
      publish({ view, state: 'error', lang: params.lang, error: { code, message } });
    },
    status(...parts) {
      statusbar.replaceChildren(...parts.filter((p): p is string => !!p).map((p) => h('span', {}, p)));
    },
  };
  shell.setTitle(typeof viewTitle === 'string' ? viewTitle : viewTitle(t));
  return shell;
}

/**
 * Calls fn once the frame settles after a resize (dashboards resize iframes often). Only real
 * changes count: a ResizeObserver also reports the size it starts with, which needs no redraw.
 */
export function onResize(el: HTMLElement, fn: () => void): void {
  let timer: number | undefined;
  let last = `${el.clientWidth}x${el.clientHeight}`;
  new ResizeObserver(() => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      const size = `${el.clientWidth}x${el.clientHeight}`;
      if (size === last) return;
      last = size;
      fn();
    }, 120);
  }).observe(el);
}
