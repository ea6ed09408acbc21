/**
 * A saved page's bytes → text, by the charset the page declares (as a browser reads a file):
 * a byte-order mark first, then a `<meta charset>` or `<meta http-equiv="Content-Type">` in the
 * page's opening bytes, then UTF-8 when the bytes are valid UTF-8, else windows-1252 (what
 * browsers assume for an undeclared Western page). One exception: a page declaring a legacy
 * charset whose bytes are valid UTF-8 with multi-byte characters was saved again as UTF-8 and
 * kept its old declaration (postlight-parser's www.elecom.co.jp says Shift_JIS): text in a
 * legacy charset is practically never valid UTF-8 by chance. Used by the eval, the bench and the CLI.
 */
import { readFileSync } from 'node:fs';

/** How far into the page a charset declaration is looked for (browsers look at least 1,024 bytes). */
const PRESCAN_BYTES = 16 * 1024;
const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i;

function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

/** The charset a page declares in its opening bytes, when TextDecoder knows it. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1');
  // Comments and scripts may mention "charset=" too: look at meta tags only.
  const label = META_CHARSET.exec(head.replace(/<!--[\s\S]*?-->/g, ''))?.[1]?.toLowerCase();
  if (!label) return undefined;
  // A page that says UTF-16 in a meta tag was read as ASCII to find it: it is not UTF-16 (HTML spec).
  if (label.startsWith('utf-16')) return 'utf-8';
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

export function decodeHtml(bytes: Uint8Array): string {
  const bom = bomEncoding(bytes);
  if (bom) return new TextDecoder(bom).decode(bytes);
  const declared = declaredCharset(bytes);
  if (declared === 'utf-8') return new TextDecoder('utf-8').decode(bytes);
  const utf8 = strictUtf8(bytes);
  // Valid UTF-8 with characters beyond ASCII: UTF-8, whatever an old declaration says.
  if (utf8 !== undefined && (!declared || /[\u0080-\uffff]/.test(utf8))) return utf8;
  return new TextDecoder(declared ?? 'windows-1252').decode(bytes);
}

/** Read a saved page; files larger than `maxBytes` are cut (a page is never that large, a mistake often is). */
export function readHtmlFile(file: string, maxBytes = 50 * 1024 * 1024): string {
  const bytes = readFileSync(file);
  return decodeHtml(bytes.length > maxBytes ? bytes.subarray(0, maxBytes) : bytes);
}
