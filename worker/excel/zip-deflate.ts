/**
 * A zip whose entries are stored (not compressed) rewritten with each entry deflated by the
 * runtime's own CompressionStream('deflate-raw') — native code — instead of exceljs's bundled
 * JavaScript deflate (pako), which was the largest single cost of writing a workbook, and more
 * so in a fresh isolate, where it runs before V8 has optimised it (bench/RESULTS.md, Excel).
 *
 * Only what a stored zip of JSZip's needs: one disk, no zip64, sizes in the central directory.
 * Names, times, CRC-32s (of the uncompressed bytes, so unchanged) and attributes are kept.
 */

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const STORED = 0;
const DEFLATED = 8;
/** General-purpose flag bit 3: sizes follow the data in a descriptor. Ours are in the headers. */
const DATA_DESCRIPTOR = 0x0008;

async function deflateRaw(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  // Written straight into the stream: a Blob would copy the part first.
  const cs = new CompressionStream('deflate-raw');
  const writer = cs.writable.getWriter();
  void writer.write(data);
  void writer.close();
  return new Uint8Array(await new Response(cs.readable).arrayBuffer());
}

interface Entry {
  /** The central directory record as read (copied, then patched). */
  central: Uint8Array;
  /** The local header with its name and extra field (copied, then patched). */
  local: Uint8Array;
  data: Uint8Array<ArrayBuffer>;
}

function endOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65 535.
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === END) return at;
  }
  throw new Error('not a zip: no end of central directory');
}

function entries(bytes: Uint8Array<ArrayBuffer>): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = endOfCentralDirectory(view);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const out: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== CENTRAL) throw new Error('zip: broken central directory');
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const length = 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const offset = view.getUint32(at + 42, true);
    if (method !== STORED) throw new Error(`zip: entry ${i} is not stored (method ${method})`);
    if (view.getUint32(offset, true) !== LOCAL) throw new Error('zip: broken local header');
    const header = 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
    out.push({
      central: bytes.slice(at, at + length),
      local: bytes.slice(offset, offset + header),
      data: bytes.subarray(offset + header, offset + header + size),
    });
    at += length;
  }
  return out;
}

/** The same zip with every entry deflated (entries deflated in parallel, off the JavaScript thread's hot loop). */
export async function deflateStoredZip(zip: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const list = entries(zip);
  const packed = await Promise.all(list.map((e) => deflateRaw(e.data)));
  const total = list.reduce((n, e, i) => n + e.local.length + packed[i]!.length + e.central.length, 0) + 22;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  list.forEach((e, i) => {
    offsets.push(at);
    out.set(e.local, at);
    view.setUint16(at + 6, view.getUint16(at + 6, true) & ~DATA_DESCRIPTOR, true);
    view.setUint16(at + 8, DEFLATED, true);
    view.setUint32(at + 18, packed[i]!.length, true);
    view.setUint32(at + 22, e.data.length, true);
    at += e.local.length;
    out.set(packed[i]!, at);
    at += packed[i]!.length;
  });
  const centralStart = at;
  list.forEach((e, i) => {
    out.set(e.central, at);
    view.setUint16(at + 8, view.getUint16(at + 8, true) & ~DATA_DESCRIPTOR, true);
    view.setUint16(at + 10, DEFLATED, true);
    view.setUint32(at + 20, packed[i]!.length, true);
    view.setUint32(at + 24, e.data.length, true);
    view.setUint32(at + 42, offsets[i]!, true);
    at += e.central.length;
  });
  view.setUint32(at, END, true);
  view.setUint16(at + 8, list.length, true);
  view.setUint16(at + 10, list.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  return out;
}
