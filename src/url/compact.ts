// The compact link form `z=<base64url of deflate-raw of the readable form>`, used only for long
// links (many VMs or live changes) and only when at least 20% shorter. Readable links stay the
// default, so teachers can read and edit them. Expanding never throws: bad data gives a message.

/** A compact form is used only when it is at most this share of the readable length... */
export const COMPACT_RATIO = 0.8;
/** ...and only for readable links longer than this, characters. */
export const COMPACT_FROM_CHARS = 1500;
const MAX_EXPANDED_CHARS = 65536;

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new Error(`it expands to more than ${limit} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const toBase64Url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('it is not base64url text');
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** The shorter of the readable link text and its compact form. */
export async function compactLink(readable: string): Promise<string> {
  if (readable.length <= COMPACT_FROM_CHARS) return readable;
  const packed = await pipe(new TextEncoder().encode(readable), new CompressionStream('deflate-raw'), Infinity);
  const compact = `z=${toBase64Url(packed)}`;
  return compact.length <= readable.length * COMPACT_RATIO ? compact : readable;
}

/** Readable link text from link text that may be in the compact form. */
export async function expandLink(text: string): Promise<{ text: string; error: string | null }> {
  const m = /^[#?]?z=([^&]*)$/.exec(text);
  if (!m) return { text, error: null };
  try {
    const bytes = await pipe(fromBase64Url(decodeURIComponent(m[1])), new DecompressionStream('deflate-raw'), MAX_EXPANDED_CHARS);
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), error: null };
  } catch (e) {
    return { text: '', error: `This compact link could not be read (${(e as Error).message}); the default scenario is open instead.` };
  }
}
