/**
 * The spellings a revealed value may take on its way into a record: as it is, JSON-escaped (also
 * with non-ASCII as `\uXXXX`), URL-encoded (percent and form style), hex (either case) and base64
 * (standard and URL-safe, with and without padding). Every form is searched for, so a response
 * that echoes `Authorization: Basic base64(user:secret)` or a logged query string is redacted too.
 */
export function encodedForms(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const json = JSON.stringify(value).slice(1, -1);
  const forms = [
    value,
    json,
    json.replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`),
    encodeURIComponent(value),
    new URLSearchParams({ v: value }).toString().slice(2),
    bytes.toString('hex'),
    bytes.toString('hex').toUpperCase(),
    ...base64Forms(bytes),
  ];
  return [...new Set(forms)];
}

/**
 * The value encoded alone (padded and not), and the characters that stand for it whatever comes
 * before and after it inside a longer encoded text. Base64 packs 3 bytes into 4 characters, so the
 * value encodes differently at each of the 3 byte offsets it may start at; at each, only the
 * characters made of the value's bits alone are the same in every surrounding.
 */
function base64Forms(bytes: Buffer): string[] {
  const alone = bytes.toString('base64');
  const standard = [alone, alone.replace(/=+$/, '')];
  for (let offset = 0; offset < 3; offset += 1) {
    const shifted = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    // Character i carries bits [6i, 6i + 6); keep those wholly inside the value's bits.
    const first = Math.ceil((offset * 8) / 6);
    const end = Math.floor(((offset + bytes.length) * 8) / 6);
    standard.push(shifted.slice(first, end));
  }
  const urlSafe = standard.map((form) => form.replaceAll('+', '-').replaceAll('/', '_'));
  return [...standard, ...urlSafe];
}
