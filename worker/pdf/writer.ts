/**
 * A minimal PDF 1.7 writer: numbered objects, streams (FlateDecode through the runtime's
 * CompressionStream), the cross-reference table and trailer; and `writePdf`, which turns laid-out
 * pages into content streams with the two embedded faces. No I/O, nothing thrown but bugs.
 */
import { FontEncoder, embedFont, utf16Hex, type Face, type Fonts } from './font';
import { A4, type Page } from './page';

const latin1 = (text: string) => {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
};

export async function deflate(data: Uint8Array): Promise<Uint8Array> {
  const cs = new CompressionStream('deflate');
  const writer = cs.writable.getWriter();
  void writer.write(data as Uint8Array<ArrayBuffer>);
  void writer.close();
  return new Uint8Array(await new Response(cs.readable).arrayBuffer());
}

export class PdfObjects {
  private readonly bodies: (Uint8Array | null)[] = [];
  constructor(private readonly compress = true) {}

  /** A new object number, to be filled by put/putStream. */
  reserve(): number {
    this.bodies.push(null);
    return this.bodies.length;
  }

  put(num: number, body: string) {
    this.bodies[num - 1] = latin1(`${num} 0 obj\n${body}\nendobj\n`);
  }

  /** `dict` is the inside of the stream's dictionary without /Length and /Filter. */
  async putStream(num: number, dict: string, data: Uint8Array) {
    const packed = this.compress ? await deflate(data) : data;
    const head = latin1(
      `${num} 0 obj\n<< ${dict}${dict ? ' ' : ''}/Length ${packed.length}${this.compress ? ' /Filter /FlateDecode' : ''} >>\nstream\n`,
    );
    const tail = latin1('\nendstream\nendobj\n');
    const body = new Uint8Array(head.length + packed.length + tail.length);
    body.set(head);
    body.set(packed, head.length);
    body.set(tail, head.length + packed.length);
    this.bodies[num - 1] = body;
  }

  bytes(root: number, info: number): Uint8Array<ArrayBuffer> {
    const header = latin1('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
    const offsets: number[] = [];
    let length = header.length;
    for (const body of this.bodies) {
      if (!body) throw new Error('a reserved PDF object was never written');
      offsets.push(length);
      length += body.length;
    }
    const xref = [
      `xref\n0 ${this.bodies.length + 1}\n`,
      '0000000000 65535 f \n',
      ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
    ].join('');
    const trailer = latin1(
      `${xref}trailer\n<< /Size ${this.bodies.length + 1} /Root ${root} 0 R /Info ${info} 0 R >>\nstartxref\n${length}\n%%EOF\n`,
    );
    const out = new Uint8Array(length + trailer.length);
    out.set(header);
    let at = header.length;
    for (const body of this.bodies) {
      out.set(body!, at);
      at += body!.length;
    }
    out.set(trailer, at);
    return out;
  }
}

/** A PDF text string: UTF-16BE with a byte order mark, in hex (no escaping needed). */
export function textString(text: string): string {
  let hex = 'FEFF';
  for (const ch of text) hex += utf16Hex(ch.codePointAt(0)!);
  return `<${hex}>`;
}

/** Numbers for content streams: at most two decimals, no exponent, no trailing zeros. */
export const num = (n: number) => {
  const s = (Math.round(n * 100) / 100).toFixed(2).replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
};

const FONT_NAMES: Record<Face, string> = { regular: 'F1', bold: 'F2' };

export function contentStream(page: Page, encoders: Record<Face, FontEncoder>): string {
  const out: string[] = [];
  const y = (top: number) => num(A4.height - top);
  for (const op of page.ops) {
    if (op.kind === 'rect') out.push(`${num(op.gray)} g ${num(op.x)} ${num(A4.height - op.y - op.h)} ${num(op.w)} ${num(op.h)} re f`);
    else if (op.kind === 'line') out.push(`${num(op.gray)} G ${num(op.width)} w ${num(op.x1)} ${y(op.y1)} m ${num(op.x2)} ${y(op.y2)} l S`);
    else
      out.push(
        `BT ${num(op.gray)} g /${FONT_NAMES[op.face]} ${num(op.size)} Tf ${num(op.x)} ${y(op.y)} Td ` +
          `<${encoders[op.face].encode(op.text)}> Tj ET`,
      );
  }
  return out.join('\n');
}

export interface PdfMeta {
  title: string;
  subject: string;
  author: string;
  lang: string;
  createdAt: Date;
}

const pdfDate = (d: Date) => `D:${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;

export async function writePdf(
  pages: Page[],
  meta: PdfMeta,
  fonts: Fonts,
  options: { compress?: boolean } = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const pdf = new PdfObjects(options.compress ?? true);
  const encoders: Record<Face, FontEncoder> = { regular: new FontEncoder(fonts.regular), bold: new FontEncoder(fonts.bold) };
  const catalog = pdf.reserve();
  const pageTree = pdf.reserve();
  const info = pdf.reserve();
  const resources = pdf.reserve();
  const pageRefs: number[] = [];
  for (const page of pages) {
    const pageRef = pdf.reserve();
    const content = pdf.reserve();
    await pdf.putStream(content, '', latin1(contentStream(page, encoders)));
    pdf.put(
      pageRef,
      `<< /Type /Page /Parent ${pageTree} 0 R /MediaBox [0 0 ${A4.width} ${A4.height}] /Resources ${resources} 0 R /Contents ` +
        `${content} 0 R >>`,
    );
    pageRefs.push(pageRef);
  }
  // Fonts last: only now is every character of the document known.
  const fontRefs: string[] = [];
  for (const face of ['regular', 'bold'] as const) {
    if (encoders[face].codePoints.length > 1) fontRefs.push(`/${FONT_NAMES[face]} ${await embedFont(pdf, encoders[face])} 0 R`);
  }
  pdf.put(resources, `<< /ProcSet [/PDF /Text] /Font << ${fontRefs.join(' ')} >> >>`);
  pdf.put(pageTree, `<< /Type /Pages /Kids [${pageRefs.map((p) => `${p} 0 R`).join(' ')}] /Count ${pageRefs.length} >>`);
  pdf.put(
    catalog,
    `<< /Type /Catalog /Pages ${pageTree} 0 R /Lang ${textString(meta.lang)} /ViewerPreferences << /DisplayDocTitle true >> >>`,
  );
  pdf.put(
    info,
    `<< /Title ${textString(meta.title)} /Subject ${textString(meta.subject)} /Author ${textString(meta.author)} /Producer (normhours) ` +
      `/CreationDate (${pdfDate(meta.createdAt)}) >>`,
  );
  return pdf.bytes(catalog, info);
}
