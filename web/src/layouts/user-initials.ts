/** Up to two letters for an avatar: "Ada Lovelace" → "AL", "张伟" → "张", "" → "?". */
export function userInitials(name: string | undefined | null): string {
  const words = (name ?? '').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = Array.from(words[0]!)[0]!;
  if (words.length === 1 || /[^\u0000-\u024f]/.test(first)) return first.toUpperCase();
  return (first + Array.from(words[words.length - 1]!)[0]!).toUpperCase();
}
