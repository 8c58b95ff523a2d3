import elementEn from 'element-plus/es/locale/lang/en';
import elementZhCn from 'element-plus/es/locale/lang/zh-cn';
import type { AppLocale } from './index';

/** Element Plus's own strings (date pickers, pagination, empty states) per app locale. */
export const ELEMENT_LOCALES = {
  en: elementEn,
  'zh-CN': elementZhCn,
} satisfies Record<AppLocale, unknown>;
