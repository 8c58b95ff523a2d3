// BullMQ refuses custom job ids that contain ':' or are integers; ours use ':' as a separator.

/** `uuid:automation` → `uuid|automation`; an all-digits id gets a `#` in front. */
export function encodeBullJobId(id: string): string {
  if (id.includes('|') || id.startsWith('#')) throw new Error(`job id "${id}" may not contain "|" or start with "#"`);
  const encoded = id.replaceAll(':', '|');
  return /^\d+$/.test(encoded) ? `#${encoded}` : encoded;
}

export function decodeBullJobId(id: string): string {
  return (id.startsWith('#') ? id.slice(1) : id).replaceAll('|', ':');
}
