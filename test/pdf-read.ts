/**
 * An independent reader of the PDFs our writer makes, for the workerd tests: objects by
 * number, streams inflated with the runtime's DecompressionStream, each font's ToUnicode
 * CMap, and every text a page shows (`Tj` of hex CIDs), mapped back to characters through
 * that CMap alone — so a broken CMap, width array or content stream shows up as wrong text.
 */

export interface ReadText {
  text: string;
  font: string;
  size: number;
  x: number;
  y: number;
}

export interface ReadPdf {
  objects: Map<number, { dict: string; stream: Uint8Array | null }>;
  pages: { dict: string; texts: ReadText[] }[];
  /** Per font resource name (F1, F2): CID → text. */
  cmaps: Map<string, Map<number, string>>;
  info: string;
}

const latin1 = (bytes: Uint8Array) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
};

async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const ds = new DecompressionStream('deflate');
  const writer = ds.writable.getWriter();
  void writer.write(data as Uint8Array<ArrayBuffer>);
  void writer.close();
  return new Uint8Array(await new Response(ds.readable).arrayBuffer());
}

function hexToText(hex: string): string {
  let out = '';
  for (let i = 0; i < hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return out;
}

export function parseToUnicode(cmap: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) out.set(parseInt(m[1]!, 16), hexToText(m[2]!));
  }
  return out;
}

const ref = (dict: string, key: string) => {
  const m = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
  if (!m) throw new Error(`no /${key} in ${dict}`);
  return Number(m[1]);
};

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const text = latin1(bytes);
  const objects = new Map<number, { dict: string; stream: Uint8Array | null }>();
  const re = /(\d+) 0 obj\n/g;
  for (const m of text.matchAll(re)) {
    const start = m.index + m[0].length;
    const streamAt = text.indexOf('stream\n', start);
    const endAt = text.indexOf('endobj', start);
    if (streamAt !== -1 && streamAt < endAt) {
      const dict = text.slice(start, streamAt);
      const length = Number(/\/Length (\d+)/.exec(dict)![1]);
      const raw = bytes.slice(streamAt + 7, streamAt + 7 + length);
      objects.set(Number(m[1]), { dict, stream: dict.includes('/FlateDecode') ? await inflate(raw) : raw });
      re.lastIndex = streamAt + 7 + length;
    } else {
      objects.set(Number(m[1]), { dict: text.slice(start, endAt), stream: null });
      re.lastIndex = endAt;
    }
  }
  const trailer = /trailer\n<<([\s\S]*?)>>\nstartxref/.exec(text)![1]!;
  const root = objects.get(ref(trailer, 'Root'))!.dict;
  const info = objects.get(ref(trailer, 'Info'))!.dict;
  const tree = objects.get(ref(root, 'Pages'))!.dict;
  const kids = [.../\/Kids \[([^\]]*)\]/.exec(tree)![1]!.matchAll(/(\d+) 0 R/g)].map((k) => Number(k[1]));
  const cmaps = new Map<string, Map<number, string>>();
  const pages: ReadPdf['pages'] = [];
  for (const kid of kids) {
    const dict = objects.get(kid)!.dict;
    const resources = objects.get(ref(dict, 'Resources'))!.dict;
    for (const f of resources.matchAll(/\/(F\d) (\d+) 0 R/g)) {
      if (cmaps.has(f[1]!)) continue;
      const font = objects.get(Number(f[2]))!.dict;
      cmaps.set(f[1]!, parseToUnicode(latin1(objects.get(ref(font, 'ToUnicode'))!.stream!)));
    }
    const content = latin1(objects.get(ref(dict, 'Contents'))!.stream!);
    const texts: ReadText[] = [];
    for (const t of content.matchAll(/\/(F\d) ([\d.]+) Tf ([\d.-]+) ([\d.-]+) Td <([0-9A-F]*)> Tj/g)) {
      const cmap = cmaps.get(t[1]!)!;
      let s = '';
      for (let i = 0; i < t[5]!.length; i += 4) {
        const ch = cmap.get(parseInt(t[5]!.slice(i, i + 4), 16));
        if (ch === undefined) throw new Error(`CID ${t[5]!.slice(i, i + 4)} of ${t[1]} has no ToUnicode entry`);
        s += ch;
      }
      texts.push({ text: s, font: t[1]!, size: Number(t[2]), x: Number(t[3]), y: Number(t[4]) });
    }
    pages.push({ dict, texts });
  }
  return { objects, pages, cmaps, info };
}

/** Every text of the document, page after page, top to bottom, left to right. */
export function allTexts(pdf: ReadPdf): string[] {
  return pdf.pages.flatMap((p) => [...p.texts].sort((a, b) => b.y - a.y || a.x - b.x).map((t) => t.text));
}
