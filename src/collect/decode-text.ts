// Files users hand us come from Windows editors and PowerShell too (`kubectl get -o yaml > f.yaml`
// in PowerShell 5 writes UTF-16 LE with a BOM): decode by byte-order mark instead of reading them
// as UTF-8 garbage that then fails with a misleading "not a Kubernetes object".

/** Decodes a file's bytes: UTF-16 LE/BE when a BOM says so, else UTF-8 (a UTF-8 BOM is dropped). */
export function decodeText(buf: Buffer): string {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  const text = buf.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** True when the bytes look binary (a NUL in the first 8 KiB of a file that is not UTF-16). */
export function looksBinary(buf: Buffer): boolean {
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) return false;
  return buf.subarray(0, 8192).includes(0);
}
