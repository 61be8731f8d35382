// The text of each page of a PDF as Chromium's page.pdf() writes it (Skia): enough to ask what a printed page
// shows. Reads the page tree, each page's fonts' ToUnicode maps and its content streams (Flate or plain);
// the text-showing operators' strings joined without separators (a page's text, in drawing order, for substring search). Not a general PDF reader.
import zlib from 'node:zlib';

function objects(buf) {
  const s = buf.toString('latin1');
  const out = new Map();
  const re = /(\d+) 0 obj\s*/g;
  let m;
  while ((m = re.exec(s))) {
    const at = m.index + m[0].length;
    const end = s.indexOf('endobj', at);
    const body = s.slice(at, end);
    const st = body.search(/stream\r?\n/);
    let dict = body;
    let stream = null;
    if (st >= 0 && body.trimStart().startsWith('<<')) {
      dict = body.slice(0, st);
      const from = at + st + body.slice(st).match(/stream\r?\n/)[0].length;
      const to = s.lastIndexOf('endstream', end);
      const raw = buf.subarray(from, to);
      stream = /\/FlateDecode/.test(dict) ? zlib.inflateSync(raw) : raw;
    }
    out.set(Number(m[1]), { dict, stream: stream && stream.toString('latin1') });
    re.lastIndex = end;
  }
  return out;
}

const ref = (text, key) => {
  const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(text);
  return m ? Number(m[1]) : null;
};

/** The code → text map of a ToUnicode CMap (bfchar and bfrange with a start value). */
function cmap(text) {
  const map = new Map();
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, uni] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(code, 16), hexText(uni));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, a, b, uni] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      for (let c = parseInt(a, 16), u = parseInt(uni, 16); c <= parseInt(b, 16); c++, u++) map.set(c, String.fromCodePoint(u));
    }
  }
  return map;
}

function hexText(hex) {
  let out = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return out;
}

/** Every page's text, in page order. */
export function pdfPages(buf) {
  const objs = objects(buf);
  const root = [...objs.values()].find((o) => /\/Type\s*\/Catalog/.test(o.dict));
  const pages = [];
  const walk = (n) => {
    const o = objs.get(n);
    if (/\/Type\s*\/Pages/.test(o.dict)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(o.dict)[1];
      for (const [, k] of kids.matchAll(/(\d+) 0 R/g)) walk(Number(k));
    } else pages.push(o.dict);
  };
  walk(ref(root.dict, 'Pages'));
  return pages.map((dict) => {
    let res = dict;
    const resRef = ref(dict, 'Resources');
    if (resRef !== null) res = objs.get(resRef).dict;
    let fonts = /\/Font\s*<<([\s\S]*?)>>/.exec(res)?.[1] ?? '';
    const fontRef = ref(res, 'Font');
    if (fontRef !== null) fonts = objs.get(fontRef).dict;
    const maps = new Map();
    for (const [, name, n] of fonts.matchAll(/\/([\w.+-]+)\s+(\d+) 0 R/g)) {
      const tu = ref(objs.get(Number(n)).dict, 'ToUnicode');
      maps.set(name, tu === null ? new Map() : cmap(objs.get(tu).stream));
    }
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(dict)[1];
    const code = [...contents.matchAll(/(\d+) 0 R/g)].map(([, n]) => objs.get(Number(n)).stream).join('\n');
    const runs = [];
    let font = new Map();
    const re = /\/([\w.+-]+)\s+[\d.]+\s+Tf|\[((?:[^\]]|\\\])*)\]\s*TJ|<([0-9A-Fa-f]*)>\s*Tj/g;
    let m;
    while ((m = re.exec(code))) {
      if (m[1] !== undefined) { font = maps.get(m[1]) ?? new Map(); continue; }
      const hexes = m[2] !== undefined ? [...m[2].matchAll(/<([0-9A-Fa-f]*)>/g)].map((x) => x[1]) : [m[3]];
      let run = '';
      for (const h of hexes) for (let i = 0; i + 4 <= h.length; i += 4) run += font.get(parseInt(h.slice(i, i + 4), 16)) ?? '\ufffd';
      runs.push(run);
    }
    return runs.join('').normalize('NFKC');
  });
}
