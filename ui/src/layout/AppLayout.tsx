import {
  AlertOutlined,
  DashboardOutlined,
  IdcardOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons'
import { Layout, Menu, Typography } from 'antd'
import type { MenuProps } from 'antd'
import type { ReactNode } from 'react'
import { Outlet, useLocation, useNavigate } from 'react-router-dom'
import { useTranslation } from 'react-i18next'
import BackgroundJobs from '../components/BackgroundJobs'
import { useWhoAmI } from '../lib/useCanEdit'
import GlobalSearch from '../components/GlobalSearch'

const { Sider, Header, Content } = Layout

function sectionOf(pathname: string): string {
  const first = pathname.split('/')[1] ?? ''
  return first === '' ? 'holders' : first
}

function titleKey(pathname: string): string {
  const parts = pathname.split('/').filter(Boolean)
  const section = parts[0] ?? 'holders'
  if (parts.length > 1 && section === 'holders') return 'title.holder'
  if (parts.length > 1 && section === 'rights') return 'title.right'
  if (parts.length > 1 && section === 'complaints') return 'title.complaint'
  if (parts.length > 1 && section === 'sellers') return 'title.seller'
  if (parts.length > 1 && section === 'listings') return 'title.listing'
  if (['dashboard', 'holders', 'rights', 'agents', 'complaints', 'sellers', 'settings'].includes(section)) return `title.${section}`
  return 'app.name'
}

export default function AppLayout() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { pathname } = useLocation()
  const section = sectionOf(pathname)
  const me = useWhoAmI()

  // The span carries the id end-to-end tests click.
  const item = (key: string, icon: ReactNode) => ({
    key,
    icon,
    label: <span data-testid={`nav-${key}`}>{t(`nav.${key}`)}</span>,
  })

  const mainItems: MenuProps['items'] = [
    item('dashboard', <DashboardOutlined />),
    item('holders', <IdcardOutlined />),
    item('rights', <SafetyCertificateOutlined />),
    item('agents', <TeamOutlined />),
    item('complaints', <AlertOutlined />),
    item('sellers', <ShopOutlined />),
  ]
  const bottomItems: MenuProps['items'] = [item('settings', <SettingOutlined />)]
  const go: MenuProps['onClick'] = ({ key }) => navigate(`/${key}`)

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider width={232} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: '100vh' }}>
          <div style={{ padding: '16px 24px', fontWeight: 600, fontSize: 18 }}>{t('app.name')}</div>
          {me?.team && (
            <Typography.Text type="secondary" style={{ padding: '0 24px 8px', fontSize: 12 }} data-testid="signed-in-as">
              {t('team.signedInAs', { user: me.user })}
              {me.role && ` · ${t(`team.role.${me.role}`)}`}
            </Typography.Text>
          )}
          <nav aria-label={t('app.name')} style={{ flex: 1 }}>
            <Menu mode="inline" selectedKeys={[section]} items={mainItems} onClick={go} style={{ border: 0 }} />
          </nav>
          <Menu mode="inline" selectedKeys={[section]} items={bottomItems} onClick={go} style={{ border: 0 }} />
        </div>
      </Sider>
      <Layout>
        <Header
          style={{
            background: '#fff',
            padding: '0 24px',
            borderBottom: '1px solid #f0f0f0',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 16,
          }}
        >
          <Typography.Title level={4} style={{ margin: 0, lineHeight: '64px', whiteSpace: 'nowrap' }}>
            {t(titleKey(pathname))}
          </Typography.Title>
          <BackgroundJobs />
          <GlobalSearch />
        </Header>
        <Content style={{ padding: 24 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  )
}
