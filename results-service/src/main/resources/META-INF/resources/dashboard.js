/*
 * Earshot live dashboard.
 *
 * Plain ES2020, no framework, no build step. All data is rendered with DOM APIs and textContent;
 * nothing received from the server is ever assigned to innerHTML.
 *
 * Data flow:
 *   - GET  api/recordings?limit=50  snapshot, newest first (fetched on load and on every (re)connect)
 *   - SSE  api/events               "recording" (full result, replaces the older one for the same id)
 *                                   "chunk"     (partial result of a recording still in progress)
 */
(() => {
  'use strict';

  const API = {
    recordings: 'api/recordings?limit=50',
    events: 'api/events',
  };
  const MAX_CARDS = 200;          // keep the page light on long-running screens
  const TOP_PROBABILITIES = 5;    // bars shown per classifier
  const RECONNECT_MIN_MS = 1000;  // used only when EventSource gives up by itself (readyState CLOSED)
  const RECONNECT_MAX_MS = 30000;

  /** id -> { id, result, chunks: Map<index, chunk>, version, fresh } */
  const recordings = new Map();
  /** ids, newest first */
  let order = [];
  /** id -> { el, version } */
  const rendered = new Map();

  const $ = (sel) => document.querySelector(sel);
  const listEl = $('#recordings');
  const emptyEl = $('#empty');
  const noMatchEl = $('#no-match');
  const noticeEl = $('#notice');
  const summaryEl = $('#summary');
  const filterEl = $('#filter');
  const connectionEl = $('#connection');

  // ---------------------------------------------------------------- DOM helpers

  /**
   * Creates an element. attrs: plain attributes (set with setAttribute), except
   * "class" (string or array), "dataset" (object) and "on*" (event listeners).
   * Children: nodes, strings (become text nodes), null/undefined/false (skipped), arrays.
   */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    if (attrs) {
      for (const [key, value] of Object.entries(attrs)) {
        if (value === null || value === undefined || value === false) continue;
        if (key === 'class') {
          el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
        } else if (key === 'dataset') {
          for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) el.dataset[k] = String(v);
        } else if (key.startsWith('on') && typeof value === 'function') {
          el.addEventListener(key.slice(2), value);
        } else if (key === 'style' && typeof value === 'object') {
          for (const [k, v] of Object.entries(value)) el.style.setProperty(k, v);
        } else {
          el.setAttribute(key, value === true ? '' : String(value));
        }
      }
    }
    appendChildren(el, children);
    return el;
  }

  function appendChildren(el, children) {
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      if (Array.isArray(child)) appendChildren(el, child);
      else if (child instanceof Node) el.appendChild(child);
      else el.appendChild(document.createTextNode(String(child)));
    }
  }

  /** Only same-origin or http(s) URLs make it into src/href attributes. */
  function safeUrl(value) {
    if (typeof value !== 'string' || value.trim() === '') return null;
    try {
      const url = new URL(value, document.baseURI);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function withVersion(url, version) {
    if (!url || !version) return url;
    const u = new URL(url);
    u.searchParams.set('v', version);
    return u.href;
  }

  // ---------------------------------------------------------------- formatting

  const isNum = (v) => typeof v === 'number' && Number.isFinite(v);
  const str = (v) => (v === null || v === undefined ? '' : String(v));

  function fmtSeconds(s) {
    if (!isNum(s)) return '–';
    if (s < 60) return `${s.toFixed(1)} s`;
    const m = Math.floor(s / 60);
    const rest = s - m * 60;
    return `${m}:${rest.toFixed(1).padStart(4, '0')} min`;
  }

  function fmtClock(s) {
    if (!isNum(s)) return '?';
    const m = Math.floor(s / 60);
    const rest = s - m * 60;
    return `${m}:${rest.toFixed(1).padStart(4, '0')}`;
  }

  function fmtPercent(p) {
    if (!isNum(p)) return '–';
    const v = p * 100;
    if (v > 0 && v < 1) return '<1%';
    return `${v.toFixed(v < 10 && v !== 0 ? 1 : 0)}%`;
  }

  function fmtTimestamp(iso) {
    const t = Date.parse(iso);
    if (Number.isNaN(t)) return null;
    const d = new Date(t);
    const now = new Date();
    const sameDay = d.toDateString() === now.toDateString();
    const time = d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    return sameDay ? time : `${d.toLocaleDateString([], { day: 'numeric', month: 'short' })} ${time}`;
  }

  function shortId(id) {
    const s = str(id);
    return s.length > 8 ? s.slice(0, 8) : s;
  }

  function shortVersion(version) {
    const s = str(version);
    const m = /^([a-z0-9]+):([0-9a-f]{12,})$/i.exec(s);
    if (m) return `${m[1]}:${m[2].slice(0, 10)}`;
    return s.length > 24 ? `${s.slice(0, 23)}…` : s;
  }

  // ---------------------------------------------------------------- state

  function entry(id) {
    let e = recordings.get(id);
    if (!e) {
      e = { id, result: null, chunks: new Map(), caption: null, version: 0, fresh: false };
      recordings.set(id, e);
    }
    return e;
  }

  /** True when `incoming` is not older than `current` (by updated_at, when both have one). */
  function notOlder(incoming, current) {
    if (!current) return true;
    const a = Date.parse(incoming.updated_at);
    const b = Date.parse(current.updated_at);
    if (Number.isNaN(a) || Number.isNaN(b)) return true;
    return a >= b;
  }

  function applyRecording(result, { live }) {
    const id = result && result.recording_id;
    if (!id || typeof id !== 'string') return;
    const known = recordings.has(id);
    const e = entry(id);
    if (!notOlder(result, e.result)) return;
    e.result = result;
    e.version++;
    e.fresh = live;
    if (!known && live) order.unshift(id);
    else if (!known) order.push(id);
  }

  function applyChunk(chunk) {
    const id = chunk && chunk.recording_id;
    if (!id || typeof id !== 'string') return;
    const known = recordings.has(id);
    const e = entry(id);
    const index = isNum(chunk.chunk) ? chunk.chunk : e.chunks.size;
    e.chunks.set(index, chunk);
    if (!e.result) {         // a finished result wins over later partial data
      e.version++;
      e.fresh = true;
    }
    if (!known) order.unshift(id);
  }

  /**
   * A live caption of an open stream: its committed text is appended to what came before, its
   * partial text replaces the previous partial. A caption seen twice (a reconnect) changes nothing.
   */
  function applyCaption(caption) {
    const id = caption && caption.recording_id;
    if (!id || typeof id !== 'string' || !isNum(caption.sequence)) return;
    const known = recordings.has(id);
    const e = entry(id);
    const c = e.caption || { committed: '', partial: '', sequence: -1, last: false };
    if (caption.sequence <= c.sequence) return;
    const committed = str(caption.committed).trim();
    e.caption = {
      committed: committed ? (c.committed ? `${c.committed} ${committed}` : committed) : c.committed,
      partial: str(caption.partial).trim(),
      sequence: caption.sequence,
      last: caption.last === true,
      missed: (c.missed || false) || caption.sequence !== c.sequence + 1,
    };
    if (!e.result) {
      e.version++;
      e.fresh = true;
    }
    if (!known) order.unshift(id);
  }

  /** Merges a /api/recordings snapshot (newest first) into the view. */
  function applySnapshot(list) {
    if (!Array.isArray(list)) return;
    const snapshotIds = [];
    for (const result of list) {
      if (!result || typeof result.recording_id !== 'string') continue;
      if (!snapshotIds.includes(result.recording_id)) snapshotIds.push(result.recording_id);
      const e = entry(result.recording_id);
      if (notOlder(result, e.result) && JSON.stringify(result) !== JSON.stringify(e.result)) {
        e.result = result;
        e.version++;
      }
    }
    const inSnapshot = new Set(snapshotIds);
    const oldest = list.reduce((min, r) => {
      const t = Date.parse(r && r.updated_at);
      return Number.isNaN(t) ? min : Math.min(min, t);
    }, Infinity);
    const front = [];
    const back = [];
    for (const id of order) {
      if (inSnapshot.has(id)) continue;
      const r = recordings.get(id).result;
      const t = Date.parse(r && r.updated_at);
      // Still processing, or newer than the snapshot window: keep on top. Otherwise it is older.
      if (!r || Number.isNaN(t) || t >= oldest) front.push(id);
      else back.push(id);
    }
    order = [...front, ...snapshotIds, ...back];
  }

  function trim() {
    while (order.length > MAX_CARDS) {
      const id = order.pop();
      recordings.delete(id);
    }
  }

  // ---------------------------------------------------------------- rendering

  function statusOf(e) {
    if (!e.result) return 'PROCESSING';
    const s = str(e.result.status).toUpperCase();
    return s || 'UNKNOWN';
  }

  function statusElement(e) {
    const status = statusOf(e);
    const r = e.result;
    let detail = null;
    if (r && r.reason) detail = str(r.reason);
    else if (status === 'INCOMPLETE') detail = 'timed out waiting for chunks';
    else if (status === 'PROCESSING') {
      const n = e.chunks.size;
      detail = `${n} chunk${n === 1 ? '' : 's'} joined so far`;
    }
    return h('div', {
      class: ['status', `status-${status.toLowerCase()}`, detail && 'has-detail'],
      dataset: { status },
    },
    h('span', { class: 'status-badge' }, status),
    detail && h('span', { class: 'status-detail' }, detail));
  }

  function metaItems(e) {
    const r = e.result;
    const items = [];
    if (r) {
      if (isNum(r.duration)) items.push(h('span', { title: 'Duration' }, fmtSeconds(r.duration)));
      if (isNum(r.chunks)) items.push(h('span', null, `${r.chunks} chunk${r.chunks === 1 ? '' : 's'}`));
      if (r.language) items.push(h('span', { class: 'lang', title: 'Language' }, str(r.language).toUpperCase()));
      const when = fmtTimestamp(r.updated_at);
      if (when) items.push(h('time', { datetime: str(r.updated_at), title: `Updated ${r.updated_at}` }, when));
    } else {
      const chunks = sortedChunks(e);
      const end = chunks.reduce((m, c) => (isNum(c.end) ? Math.max(m, c.end) : m), 0);
      if (end > 0) items.push(h('span', { title: 'Audio covered so far' }, `${fmtSeconds(end)} so far`));
    }
    return items;
  }

  function sortedChunks(e) {
    return [...e.chunks.entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c);
  }

  /** The classifier the result names as the source of its top-level verdict, then the others. */
  function primaryClassifier(r) {
    const classifiers = r.classifiers && typeof r.classifiers === 'object' ? Object.entries(r.classifiers) : [];
    let primary = classifiers.find(([name]) => name === r.primary_classifier);
    if (!primary && r.probabilities && typeof r.probabilities === 'object' && Object.keys(r.probabilities).length) {
      primary = [r.primary_classifier || null, { predicted_label: r.predicted_label, confidence: r.confidence, probabilities: r.probabilities }];
    }
    const others = classifiers.filter((c) => !primary || c[0] !== primary[0]);
    return { primary, others };
  }

  function probabilityBars(probabilities, predicted, limit = TOP_PROBABILITIES) {
    const entries = Object.entries(probabilities || {})
      .filter(([, p]) => isNum(p))
      .sort((a, b) => b[1] - a[1]);
    if (entries.length === 0) return null;
    const shown = entries.slice(0, limit);
    return h('div', { class: 'bars', role: 'list' },
      shown.map(([label, p]) => h('div', { class: ['bar-row', label === predicted && 'is-top'], role: 'listitem' },
        h('span', { class: 'bar-label', title: label }, label),
        h('span', { class: 'bar-track' },
          h('span', { class: 'bar-fill', style: { width: `${Math.max(0, Math.min(1, p)) * 100}%` } })),
        h('span', { class: 'bar-value' }, fmtPercent(p)))),
      entries.length > limit && h('div', { class: 'bars-more' }, `+${entries.length - limit} more`));
  }

  function verdict(r) {
    const rules = Array.isArray(r.rule_labels) ? r.rule_labels.filter((x) => x !== null && x !== undefined) : [];
    if (!r.predicted_label && rules.length === 0) return null;
    return h('div', { class: 'verdict' },
      r.predicted_label && h('span', { class: 'label' }, str(r.predicted_label)),
      r.predicted_label && isNum(r.confidence) && h('span', { class: 'confidence', title: 'Confidence' }, fmtPercent(r.confidence)),
      rules.map((rule) => h('span', { class: 'rule', title: 'Rule label' }, str(rule))));
  }

  function transcriptBlock(r) {
    const text = str(r.transcription).trim();
    const segments = Array.isArray(r.segments) ? r.segments.filter((s) => s && str(s.text).trim()) : [];
    return h('div', { class: 'transcript-block' },
      h('div', { class: 'section-title' }, 'Transcript'),
      text
        ? h('p', { class: 'transcript', lang: r.language ? str(r.language) : null }, text)
        : h('p', { class: ['transcript', 'is-empty'] }, 'No speech transcribed.'),
      segments.length > 0 && h('details', { class: 'segments', dataset: { key: 'segments' } },
        h('summary', null, `Segments (${segments.length})`),
        h('ol', null, segments.map((s) => h('li', null,
          h('span', { class: 'seg-time' }, `${fmtClock(s.start)}–${fmtClock(s.end)}`),
          h('span', { class: 'seg-text' }, str(s.text).trim()))))));
  }

  function classifierBlock(r) {
    const { primary, others } = primaryClassifier(r);
    if (!primary && others.length === 0) return null;
    return h('div', { class: 'classifiers' },
      primary && h('div', { class: 'classifier primary' },
        h('div', { class: 'section-title' }, primary[0] ? `Classifier · ${primary[0]}` : 'Classifier'),
        probabilityBars(primary[1].probabilities, primary[1].predicted_label)),
      others.length > 0 && h('div', { class: 'other-classifiers' },
        others.map(([name, c]) => h('details', { class: 'classifier other', dataset: { key: `clf-${name}` } },
          h('summary', null,
            h('span', { class: 'clf-name' }, name),
            h('span', { class: 'clf-label' }, str(c && c.predicted_label) || '–'),
            h('span', { class: 'clf-conf' }, fmtPercent(c && c.confidence))),
          probabilityBars(c && c.probabilities, c && c.predicted_label)))));
  }

  function modelsBlock(r) {
    const rows = [];
    const add = (role, m) => {
      if (!m || (!m.id && !m.version)) return;
      rows.push(h('li', null,
        h('span', { class: 'model-role' }, role),
        h('span', { class: 'model-id' }, str(m.id)),
        m.version && h('span', { class: 'model-version', title: str(m.version) }, shortVersion(m.version))));
    };
    if (r.models && typeof r.models === 'object') {
      for (const [role, m] of Object.entries(r.models)) add(role, m);
    }
    if (r.classifiers && typeof r.classifiers === 'object') {
      for (const [name, c] of Object.entries(r.classifiers)) add(name, c && c.model);
    }
    if (rows.length === 0) return null;
    return h('ul', { class: 'models', 'aria-label': 'Models' }, rows);
  }

  const PICTURES = [
    ['spectrogram', 'Spectrogram'],
    ['probabilities', 'Probabilities'],
    ['timeline', 'Timeline'],
  ];

  function picturesBlock(r) {
    const pictures = r.pictures && typeof r.pictures === 'object' ? r.pictures : null;
    if (!pictures) return null;
    const figures = [];
    for (const [key, title] of PICTURES) {
      const url = withVersion(safeUrl(pictures[key]), r.updated_at ? str(r.updated_at) : null);
      if (!url) continue;
      const caption = `${title} · ${str(r.file) || shortId(r.recording_id)}`;
      const img = h('img', {
        src: url, alt: caption, loading: 'lazy', decoding: 'async',
        onerror: (ev) => ev.target.closest('figure').classList.add('is-missing'),
      });
      figures.push(h('figure', { class: ['picture', `picture-${key}`] },
        h('button', { type: 'button', class: 'picture-button', title: `Open ${title.toLowerCase()} full size`,
          onclick: () => openViewer(url, caption) }, img),
        h('figcaption', null, title)));
    }
    if (figures.length === 0) return null;
    return h('div', { class: 'pictures' }, figures);
  }

  /** The live caption: committed text, then the partial text that may still change, greyed. */
  function captionBlock(e) {
    const c = e.caption;
    if (!c) return null;
    return h('div', { class: 'caption-block' },
      h('div', { class: 'section-title' }, c.last ? 'Live caption (stream ended)' : 'Live caption'),
      h('p', { class: 'caption', 'aria-live': 'polite' },
        c.missed && c.committed && h('span', { class: 'caption-missed', title: 'joined while the stream was open' }, '… '),
        h('span', { class: 'caption-committed' }, c.committed),
        c.partial && h('span', { class: 'caption-partial' }, `${c.committed ? ' ' : ''}${c.partial}`)));
  }

  function chunksBlock(e) {
    const chunks = sortedChunks(e);
    if (chunks.length === 0) return null;
    return h('div', { class: 'chunks-block' },
      h('div', { class: 'section-title' }, 'Chunks joined'),
      h('ol', { class: 'chunks' },
        chunks.map((c) => h('li', { class: 'chunk', title: str(c.transcription).trim() || null },
          h('span', { class: 'chunk-index' }, `#${isNum(c.chunk) ? c.chunk : '?'}`),
          h('span', { class: 'chunk-time' }, `${fmtClock(c.start)}–${fmtClock(c.end)}`),
          c.predicted_label && h('span', { class: 'chunk-label' }, str(c.predicted_label)),
          isNum(c.confidence) && h('span', { class: 'chunk-conf' }, fmtPercent(c.confidence))))));
  }

  function renderCard(e) {
    const r = e.result;
    const chunks = sortedChunks(e);
    const file = str(r ? r.file : chunks[0] && chunks[0].file) || 'unnamed recording';
    const status = statusOf(e);

    const head = h('header', { class: 'card-head' },
      h('div', { class: 'card-title' },
        h('h2', { class: 'file', title: file }, file),
        h('div', { class: 'meta' },
          h('a', { class: 'rec-id', href: `#${encodeURIComponent(e.id)}`, title: `${e.id} (link to this recording)` },
            shortId(e.id)),
          metaItems(e))),
      statusElement(e));

    let body = null;
    if (r) {
      const failed = status === 'FAILED';
      const left = h('div', { class: 'card-main' },
        verdict(r),
        failed && !r.transcription ? null : transcriptBlock(r),
        classifierBlock(r));
      const pictures = picturesBlock(r);
      if (left.firstChild || pictures) {
        body = h('div', { class: ['card-body', !pictures && 'no-side'] },
          left, pictures && h('div', { class: 'card-side' }, pictures));
      }
    } else {
      const last = chunks[chunks.length - 1];
      const transcript = chunks.map((c) => str(c.transcription).trim()).filter(Boolean).join(' ');
      body = h('div', { class: ['card-body', 'no-side'] },
        h('div', { class: 'card-main' },
          last && last.predicted_label && h('div', { class: 'verdict' },
            h('span', { class: 'label' }, str(last.predicted_label)),
            isNum(last.confidence) && h('span', { class: 'confidence' }, fmtPercent(last.confidence)),
            h('span', { class: 'verdict-note' }, 'latest chunk')),
          captionBlock(e),
          h('div', { class: 'transcript-block' },
            h('div', { class: 'section-title' }, 'Transcript so far'),
            transcript ? h('p', { class: 'transcript' }, transcript) : h('p', { class: ['transcript', 'is-empty'] }, '…')),
          chunksBlock(e)));
    }

    const footer = r ? modelsBlock(r) : null;
    return h('article', {
      class: ['card', `card-${status.toLowerCase()}`, e.fresh && 'is-fresh'],
      dataset: { recordingId: e.id, status },
      'aria-label': `${file} (${status.toLowerCase()})`,
    },
    !r && h('div', { class: 'progress', 'aria-hidden': 'true' }, h('span')),
    head, body, footer && h('footer', { class: 'card-foot' }, footer));
  }

  function searchText(e) {
    const r = e.result || {};
    const parts = [e.id, r.file, r.status, r.reason, r.predicted_label, r.transcription];
    if (Array.isArray(r.rule_labels)) parts.push(...r.rule_labels);
    for (const c of e.chunks.values()) parts.push(c.file, c.transcription, c.predicted_label);
    if (e.caption) parts.push(e.caption.committed, e.caption.partial);
    return parts.filter(Boolean).join(' ').toLowerCase();
  }

  let renderQueued = false;
  function scheduleRender() {
    if (renderQueued) return;
    renderQueued = true;
    requestAnimationFrame(() => {
      renderQueued = false;
      render();
    });
  }

  function render() {
    trim();
    const wanted = new Set(order);
    for (const [id, r] of rendered) {
      if (!wanted.has(id)) {
        r.el.remove();
        rendered.delete(id);
      }
    }
    let previous = null;
    for (const id of order) {
      const e = recordings.get(id);
      let r = rendered.get(id);
      if (!r || r.version !== e.version) {
        const el = renderCard(e);
        if (r) {
          // keep expanded <details> expanded across updates
          r.el.querySelectorAll('details[open][data-key]').forEach((d) => {
            const same = el.querySelector(`details[data-key="${CSS.escape(d.dataset.key)}"]`);
            if (same) same.open = true;
          });
          r.el.replaceWith(el);
        }
        r = { el, version: e.version };
        rendered.set(id, r);
        e.fresh = false;
      }
      // keep DOM order == order (cheap: only moves misplaced nodes)
      const expectedNext = previous ? previous.nextElementSibling : listEl.firstElementChild;
      if (expectedNext !== r.el) {
        if (previous) previous.after(r.el);
        else listEl.prepend(r.el);
      }
      previous = r.el;
    }
    applyFilter();
    renderSummary();
  }

  function applyFilter() {
    const q = filterEl.value.trim().toLowerCase();
    let visible = 0;
    for (const id of order) {
      const r = rendered.get(id);
      if (!r) continue;
      const show = !q || searchText(recordings.get(id)).includes(q);
      r.el.hidden = !show;
      if (show) visible++;
    }
    emptyEl.hidden = order.length > 0;
    noMatchEl.hidden = order.length === 0 || visible > 0;
  }

  function renderSummary() {
    const counts = { PROCESSING: 0, COMPLETE: 0, INCOMPLETE: 0, FAILED: 0 };
    for (const id of order) {
      const s = statusOf(recordings.get(id));
      if (s in counts) counts[s]++;
    }
    summaryEl.replaceChildren(
      h('span', { class: 'summary-total' }, `${order.length} recording${order.length === 1 ? '' : 's'}`),
      ...Object.entries(counts).filter(([, n]) => n > 0).map(([s, n]) =>
        h('span', { class: ['summary-item', `status-${s.toLowerCase()}`] },
          h('span', { class: 'summary-dot', 'aria-hidden': 'true' }), `${n} ${s.toLowerCase()}`)));
  }

  // ---------------------------------------------------------------- picture viewer

  const viewer = $('#viewer');
  function openViewer(url, caption) {
    viewer.querySelector('.viewer-title').textContent = caption;
    viewer.querySelector('.viewer-img').src = url;
    viewer.querySelector('.viewer-img').alt = caption;
    viewer.querySelector('.viewer-open').href = url;
    if (typeof viewer.showModal === 'function') viewer.showModal();
    else window.open(url, '_blank', 'noopener');
  }
  viewer.addEventListener('click', (ev) => {
    if (ev.target === viewer) viewer.close();  // click on the backdrop
  });

  // ---------------------------------------------------------------- connection

  function setConnection(state, text) {
    connectionEl.dataset.state = state;
    connectionEl.querySelector('.connection-text').textContent = text;
  }

  function showNotice(text) {
    noticeEl.textContent = text || '';
    noticeEl.hidden = !text;
  }

  let snapshotSeq = 0;
  let firstSnapshotDone = false;
  async function refreshSnapshot() {
    const seq = ++snapshotSeq;
    try {
      const response = await fetch(API.recordings, { headers: { Accept: 'application/json' }, cache: 'no-store' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const list = await response.json();
      if (seq !== snapshotSeq) return;   // a newer refresh is on its way
      applySnapshot(list);
      showNotice(null);
      scheduleRender();
      if (!firstSnapshotDone) {
        firstSnapshotDone = true;
        focusFromHash();
      }
    } catch (err) {
      if (seq === snapshotSeq) showNotice(`Could not load recordings (${err.message}). Live updates continue.`);
    }
  }

  let source = null;
  let retryMs = RECONNECT_MIN_MS;
  let retryTimer = null;

  function parse(ev) {
    try {
      return JSON.parse(ev.data);
    } catch (e) {
      return null;
    }
  }

  function connect() {
    clearTimeout(retryTimer);
    if (source) source.close();
    setConnection(connectionEl.dataset.state === 'connecting' ? 'connecting' : 'reconnecting',
      connectionEl.dataset.state === 'connecting' ? 'connecting…' : 'reconnecting…');
    source = new EventSource(API.events);
    source.addEventListener('open', () => {
      retryMs = RECONNECT_MIN_MS;
      setConnection('live', 'live');
      refreshSnapshot();
    });
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) {
        // The browser gave up (e.g. HTTP error status): retry ourselves with backoff.
        setConnection('reconnecting', 'reconnecting…');
        retryTimer = setTimeout(connect, retryMs);
        retryMs = Math.min(retryMs * 2, RECONNECT_MAX_MS);
      } else {
        setConnection('reconnecting', 'reconnecting…');
      }
    });
    source.addEventListener('recording', (ev) => {
      const data = parse(ev);
      if (data) {
        applyRecording(data, { live: true });
        scheduleRender();
      }
    });
    source.addEventListener('chunk', (ev) => {
      const data = parse(ev);
      if (data) {
        applyChunk(data);
        scheduleRender();
      }
    });
    source.addEventListener('caption', (ev) => {
      const data = parse(ev);
      if (data) {
        applyCaption(data);
        scheduleRender();
      }
    });
  }

  // ---------------------------------------------------------------- permalinks (#<recording id>)

  async function focusFromHash() {
    let id;
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch (e) {
      return;
    }
    if (!id) return;
    if (!recordings.has(id)) {
      try {
        const response = await fetch(`api/recordings/${encodeURIComponent(id)}`, { headers: { Accept: 'application/json' } });
        if (response.status === 404) {
          showNotice(`Recording ${id} is not known.`);
          return;
        }
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        applyRecording(await response.json(), { live: false });
        render();
      } catch (err) {
        showNotice(`Could not load recording ${id} (${err.message}).`);
        return;
      }
    }
    render();
    const r = rendered.get(id);
    if (r) {
      filterEl.value = '';
      applyFilter();
      r.el.classList.add('is-target');
      r.el.scrollIntoView({ block: 'start' });
      setTimeout(() => r.el.classList.remove('is-target'), 2500);
    }
  }

  window.addEventListener('hashchange', focusFromHash);
  filterEl.addEventListener('input', applyFilter);

  renderSummary();
  refreshSnapshot();   // show what we have even before the event stream is up
  connect();
})();
