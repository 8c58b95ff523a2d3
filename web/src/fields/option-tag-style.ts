/**
 * The look of a select option's tag in its metadata colour (`#67c23a`, `teal`, …):
 * a light tint of the colour behind darker text of the same hue, readable for any colour.
 */
export function optionTagStyle(color: string | undefined): Record<string, string> | undefined {
  if (!color || !/^(#[0-9a-f]{3,8}|[a-z]+|rgba?\([\d\s.,%]+\)|hsla?\([\d\s.,%deg]+\))$/i.test(color.trim())) return undefined;
  const c = color.trim();
  return {
    '--el-tag-bg-color': `color-mix(in srgb, ${c} 14%, white)`,
    '--el-tag-border-color': `color-mix(in srgb, ${c} 45%, white)`,
    '--el-tag-text-color': `color-mix(in srgb, ${c} 75%, black)`,
  };
}
