import { Button, Card, Descriptions, Radio, Result, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import ListingLimitRow from '../components/ListingLimitRow'
import DeadlineRulesCard from '../components/settings/DeadlineRulesCard'
import PeopleCard from '../components/settings/PeopleCard'
import { useLoadSampleAction } from '../components/useLoadSampleAction'
import { PROGRAMMES } from '../lib/enums'
import { useErrors } from '../lib/errors'
import { setLang } from '../i18n'
import type { Lang } from '../i18n'
import { useAppInfo, useVerifyIntegrity } from '../lib/queries'
import { EditButton } from '../lib/access'

export default function SettingsPage() {
  const { t, i18n } = useTranslation()
  const info = useAppInfo()
  const verify = useVerifyIntegrity()
  const { notifyError } = useErrors()
  const { loadSample, loading } = useLoadSampleAction()
  const report = verify.data

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%', maxWidth: 1400 }}>
      <Card title={t('settings.language')}>
        <Radio.Group
          value={i18n.language === 'zh-CN' ? 'zh-CN' : 'en'}
          onChange={(e) => void setLang(e.target.value as Lang)}
          optionType="button"
        >
          <Radio.Button value="en">
            <span data-testid="lang-en">{t('settings.english')}</span>
          </Radio.Button>
          <Radio.Button value="zh-CN">
            <span data-testid="lang-zh">{t('settings.chinese')}</span>
          </Radio.Button>
        </Radio.Group>
      </Card>
      <Card title={t('settings.limits')}>
        <Space orientation="vertical">
          <Typography.Text type="secondary">{t('settings.limitsHint')}</Typography.Text>
          {PROGRAMMES.map((p) => (
            <ListingLimitRow key={p} programme={p} />
          ))}
        </Space>
      </Card>
      <PeopleCard />
      <DeadlineRulesCard />
      <Card title={t('settings.appInfo')}>
        {info.data && (
          <Descriptions
            column={1}
            items={[
              { key: 'db', label: t('settings.db_path'), children: <Typography.Text copyable>{info.data.db_path}</Typography.Text> },
              { key: 'vault', label: t('settings.vault_dir'), children: <Typography.Text copyable>{info.data.vault_dir}</Typography.Text> },
              { key: 'schema', label: t('settings.schema_version'), children: String(info.data.schema_version) },
              { key: 'today', label: t('settings.today'), children: info.data.today },
            ]}
          />
        )}
      </Card>
      <Card title={t('settings.sample')}>
        <Space orientation="vertical">
          <Typography.Text type="secondary">{t('settings.sampleHint')}</Typography.Text>
          <EditButton onClick={loadSample} loading={loading} data-testid="settings-load-sample">
            {t('settings.loadSample')}
          </EditButton>
        </Space>
      </Card>
      <Card title={t('settings.integrity')}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('settings.integrityHint')}</Typography.Text>
          <Button
            type="primary"
            loading={verify.isPending}
            onClick={() => verify.mutate(undefined, { onError: notifyError })}
            data-testid="verify"
          >
            {t('settings.verify')}
          </Button>
          {report && report.ok && (
            <Result
              status="success"
              title={t('settings.verifyOk')}
              subTitle={t('settings.verifyOkDetail', { files: report.files_checked, rows: report.audit_rows })}
            />
          )}
          {report && !report.ok && (
            <Result
              status="error"
              title={t('settings.verifyBad')}
              subTitle={t('settings.verifyOkDetail', { files: report.files_checked, rows: report.audit_rows })}
            >
              {report.vault.length > 0 && (
                <div style={{ textAlign: 'left' }}>
                  <Typography.Title level={5}>{t('settings.vaultProblems')}</Typography.Title>
                  <ul>
                    {report.vault.map((v) => (
                      <li key={v.sha256}>
                        <Typography.Text>{v.problem}</Typography.Text>{' '}
                        <Typography.Text type="secondary">{v.documents.join(', ')}</Typography.Text>{' '}
                        <Typography.Text code copyable>{v.sha256}</Typography.Text>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {report.audit.length > 0 && (
                <div style={{ textAlign: 'left' }}>
                  <Typography.Title level={5}>{t('settings.auditProblems')}</Typography.Title>
                  <ul>
                    {report.audit.map((a) => (
                      <li key={a.seq}>{t('settings.auditRow', { seq: a.seq, problem: a.problem })}</li>
                    ))}
                  </ul>
                </div>
              )}
            </Result>
          )}
        </Space>
      </Card>
    </Space>
  )
}
