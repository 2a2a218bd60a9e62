import { QueryClientProvider } from '@tanstack/react-query'
import type { QueryClient } from '@tanstack/react-query'
import { App as AntApp, ConfigProvider } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import './i18n'
import { useEnterInDatePickerOnlyPicks } from './lib/pickerEnter'
import { useLiveChanges } from './lib/useLiveChanges'

export const FONT_STACK =
  '-apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif'

/** Query client, antd locale/theme (follows the i18n language) and antd's App context. */
export default function Providers({ client, children }: { client: QueryClient; children: ReactNode }) {
  const { i18n } = useTranslation()
  const zh = i18n.language === 'zh-CN'
  useEnterInDatePickerOnlyPicks()
  useLiveChanges(client)
  return (
    <QueryClientProvider client={client}>
      <ConfigProvider locale={zh ? zhCN : enUS} theme={{ token: { fontFamily: FONT_STACK } }}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  )
}
