import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import 'dayjs/locale/en'
import en from './locales/en.json'
import zhCN from './locales/zh-CN.json'

export type Lang = 'en' | 'zh-CN'
export const LANG_KEY = 'ippdesk.lang'

function storedLang(): Lang | null {
  try {
    const v = localStorage.getItem(LANG_KEY)
    return v === 'en' || v === 'zh-CN' ? v : null
  } catch {
    return null
  }
}

export function initialLang(): Lang {
  const stored = storedLang()
  if (stored) return stored
  const nav = typeof navigator !== 'undefined' ? navigator.language || '' : ''
  return nav.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

function applyDayjs(lang: string) {
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en')
  if (typeof document !== 'undefined') document.documentElement.lang = lang
}

export function setLang(lang: Lang): Promise<unknown> {
  try {
    localStorage.setItem(LANG_KEY, lang)
  } catch {
    // storage unavailable: the choice lasts for this session only
  }
  return i18n.changeLanguage(lang)
}

i18n.on('languageChanged', applyDayjs)

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  lng: initialLang(),
  fallbackLng: 'en',
  supportedLngs: ['en', 'zh-CN'],
  interpolation: { escapeValue: false },
  initAsync: false,
})
applyDayjs(i18n.language)

export default i18n
