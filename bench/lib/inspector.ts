/**
 * The Chrome DevTools Protocol of the Worker's isolate, through `wrangler dev --inspector-port`:
 * V8's own heap figures (Runtime.getHeapUsage, HeapProfiler.collectGarbage, the sampling heap
 * profiler) and its CPU profiler, read by the bench rather than guessed from workerd's RSS.
 *
 * Node 20 has WebSocket only behind --experimental-websocket (`npm run bench` passes it); no
 * package is added for it.
 */

interface Pending {
  resolve(v: any): void;
  reject(e: Error): void;
}

export interface CdpSession {
  send<T = any>(method: string, params?: Record<string, unknown>): Promise<T>;
  close(): void;
}

/** The Worker's inspector target (wrangler's inspector proxy lists the user Worker at /json). */
async function targetUrl(port: number): Promise<string> {
  const deadline = Date.now() + 20_000;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/json`);
      const list = (await res.json()) as { webSocketDebuggerUrl?: string; title?: string }[];
      const t = list.find((x) => x.webSocketDebuggerUrl);
      if (t?.webSocketDebuggerUrl) return t.webSocketDebuggerUrl;
      last = JSON.stringify(list);
    } catch (e) {
      last = String(e);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no inspector target on port ${port}: ${last}`);
}

export async function inspect(port: number): Promise<CdpSession> {
  if (typeof WebSocket === 'undefined')
    throw new Error('WebSocket is missing: run node with --experimental-websocket (npm run bench does)');
  const url = await targetUrl(port);
  // wrangler's inspector proxy admits local DevTools only: a localhost Origin (Node's WebSocket takes
  // headers as a non-standard option).
  const ws = new WebSocket(url, { headers: { Origin: 'http://localhost' } } as unknown as string[]);
  const pending = new Map<number, Pending>();
  let next = 1;
  await new Promise<void>((resolve, reject) => {
    ws.addEventListener('open', () => resolve(), { once: true });
    ws.addEventListener('error', () => reject(new Error(`cannot open ${url}`)), { once: true });
  });
  ws.addEventListener('message', (event) => {
    const msg = JSON.parse(String(event.data)) as { id?: number; result?: unknown; error?: { message: string } };
    if (msg.id === undefined) return;
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.error) p.reject(new Error(msg.error.message));
    else p.resolve(msg.result);
  });
  ws.addEventListener('close', () => {
    for (const p of pending.values()) p.reject(new Error('inspector closed'));
    pending.clear();
  });
  return {
    send(method, params = {}) {
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        ws.send(JSON.stringify({ id, method, params }));
      });
    },
    close: () => ws.close(),
  };
}

/** V8's heap in use and its total size now (bytes), after a full collection when `gc`. */
export async function heapUsage(s: CdpSession, gc = false): Promise<{ usedSize: number; totalSize: number }> {
  if (gc) await s.send('HeapProfiler.collectGarbage');
  return s.send('Runtime.getHeapUsage');
}

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Self time per function (ms), heaviest first, from a CPU profile. */
export function selfTimes(p: CpuProfile): { name: string; ms: number }[] {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const f = n.callFrame;
    const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    totals.set(name, (totals.get(name) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals.entries()].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
}
