import { useState } from 'react';
import { Button, DatePicker, Segmented, Select, Space } from 'antd';
import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import type { TReportQuery } from '@yunce/contracts';
import { dayjs } from '../../app/dates';
import { useT } from '../../app/i18n/context';
import { useWorkspace } from '../../app/workspace';
import { useAccounts } from '../../modules/accounts/api';
import { reportExportPath, useReport } from '../../modules/analytics/api';
import { ReportView } from '../../modules/analytics/components/ReportView';
import { useApiDownload, useMetricText, useWorkspaceToday } from '../../modules/analytics/hooks';
import { Forbidden } from '../../ui/Forbidden';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorState, LoadingState } from '../../ui/states';

type TKind = TReportQuery['kind'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f-]{36}$/i;

/** 周报月报: the report of a week or a month, in the browser and as XLSX / PDF. */
export default function ReportsPage() {
  const t = useT();
  const ws = useWorkspace();
  const m = useMetricText();
  const today = useWorkspaceToday();
  const download = useApiDownload();
  const [params, setParams] = useSearchParams();
  const [exporting, setExporting] = useState<'xlsx' | 'pdf' | null>(null);
  const canRead = ws.can('analytics.read');
  const kind: TKind = params.get('kind') === 'monthly' ? 'monthly' : 'weekly';
  const dateParam = params.get('date');
  const date = dateParam && DATE.test(dateParam) ? dateParam : undefined;
  const accountParam = params.get('account');
  const accountId = accountParam && UUID.test(accountParam) ? accountParam : undefined;
  const query: TReportQuery = {
    kind,
    ...(date ? { date } : {}),
    ...(accountId ? { accountId } : {}),
  };
  const report = useReport(ws.workspaceId, query, canRead);
  const accounts = useAccounts(
    ws.workspaceId,
    { status: 'all' },
    canRead && ws.can('accounts.read'),
  );

  if (!canRead) return <Forbidden />;

  const set = (key: string, value: string | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  // The picker shows the period on screen, or (before it loads) the one asked for.
  const shown = date ?? report.data?.from;
  const exportFile = (format: 'xlsx' | 'pdf') => {
    setExporting(format);
    const name = report.data?.title ?? t('nav.analyticsReports');
    void download(
      reportExportPath(ws.workspaceId),
      { format, kind, date: date ?? report.data?.from, accountId },
      `${name}.${format}`,
    ).finally(() => setExporting(null));
  };

  return (
    <>
      <PageHeader
        title={t('nav.analyticsReports')}
        subtitle={t('analytics.report.subtitle')}
        documentTitle={t('nav.analyticsReports')}
        extra={
          <>
            <Button
              icon={<FileExcelOutlined />}
              onClick={() => exportFile('xlsx')}
              loading={exporting === 'xlsx'}
              disabled={!report.data}
              data-testid="report-export-xlsx"
            >
              {t('analytics.report.exportXlsx')}
            </Button>
            <Button
              icon={<FilePdfOutlined />}
              onClick={() => exportFile('pdf')}
              loading={exporting === 'pdf'}
              disabled={!report.data}
              data-testid="report-export-pdf"
            >
              {t('analytics.report.exportPdf')}
            </Button>
          </>
        }
      />
      <Space wrap size={[12, 12]} style={{ marginBottom: 16 }} data-testid="report-filters">
        <Segmented<TKind>
          value={kind}
          onChange={(value) => {
            setParams(
              (prev) => {
                const next = new URLSearchParams(prev);
                next.set('kind', value);
                next.delete('date');
                return next;
              },
              { replace: true },
            );
          }}
          options={[
            { value: 'weekly', label: t('analytics.report.weekly') },
            { value: 'monthly', label: t('analytics.report.monthly') },
          ]}
          aria-label={t('analytics.report.kind')}
          data-testid="report-kind"
        />
        <DatePicker
          picker={kind === 'weekly' ? 'week' : 'month'}
          value={shown ? dayjs(shown) : null}
          onChange={(d) => set('date', d ? d.format('YYYY-MM-DD') : undefined)}
          disabledDate={(d) => d.isAfter(dayjs(today), 'day')}
          placeholder={t('analytics.report.lastFull')}
          aria-label={t('analytics.report.period')}
          data-testid="report-period"
        />
        <Select<string>
          allowClear
          style={{ minWidth: 220 }}
          placeholder={t('analytics.filters.allAccounts')}
          value={accountId}
          onChange={(value) => set('account', value)}
          loading={accounts.isPending && accounts.fetchStatus !== 'idle'}
          showSearch={{ optionFilterProp: 'label' }}
          options={(accounts.data ?? []).map((a) => ({
            value: a.id,
            label: `${a.name}（${m.platform(a.platform)}）`,
          }))}
          aria-label={t('analytics.filters.accounts')}
          data-testid="report-account"
        />
      </Space>
      {report.isPending ? (
        <LoadingState />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <ReportView report={report.data} />
      )}
    </>
  );
}
